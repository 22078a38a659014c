/**
 * A channel's words: its state (badge, alerts, the composer's notice, following the seed's
 * failure table). What an admin types to connect it: settings/channels/credential-messages.ts.
 */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    statusActive: "Active",
    statusDisabled: "Disabled",
    statusTokenExpired: "Token expired — reconnect",
    statusPausedAWhile: "Paused for a while (platform limit)",
    statusPausedUntil: "Paused until {time} (platform limit)",
    alert: "Channel {name}: {status}",
    noticeDisabled: "This channel was disabled by an admin. You can't reply here; earlier messages stay visible.",
    noticeTokenExpired: "This channel's connection has expired. An admin must reconnect it in Settings.",
    noticeRateLimitedUntil: "Channel temporarily unavailable: the platform's limit was reached. Replies will be sent after {time}.",
    noticeRateLimited: "Channel temporarily unavailable: the platform's limit was reached. Replies will be sent once the pause ends.",
  },
  {
    statusActive: "Ativo",
    statusDisabled: "Desativado",
    statusTokenExpired: "Token expirado — reconecte",
    statusPausedAWhile: "Pausado por um tempo (limite da plataforma)",
    statusPausedUntil: "Pausado até {time} (limite da plataforma)",
    alert: "Canal {name}: {status}",
    noticeDisabled: "Este canal foi desativado por um administrador. Não é possível responder aqui; as mensagens anteriores continuam visíveis.",
    noticeTokenExpired: "A conexão deste canal expirou. Um administrador precisa reconectá-lo nas Configurações.",
    noticeRateLimitedUntil:
      "Canal temporariamente indisponível: o limite da plataforma foi atingido. As respostas serão enviadas após {time}.",
    noticeRateLimited:
      "Canal temporariamente indisponível: o limite da plataforma foi atingido. As respostas serão enviadas quando a pausa terminar.",
  },
);
