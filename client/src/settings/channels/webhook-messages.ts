/** Strings of the webhook status line of channels whose webhook the server registers (Telegram). */
import { defineMessages } from "../../i18n/define-messages.ts";

export const t = defineMessages(
  {
    webhookRegistered: "Webhook: registered at {url}",
    webhookNotRegistered: "Webhook: not registered",
    webhookElsewhere: "Webhook: the platform delivers to {url}",
    webhookPending: "{count} updates waiting on the platform.",
    webhookLastError: "Last error ({when}): {error}",
    webhookChecking: "Webhook: checking…",
    webhookUnknown: "Webhook: could not be checked",
    webhookOffline: "Webhook: checked with the platform when you are connected",
    registerAgain: "Register again",
    registerAgainFor: "Register again: the webhook of {name}",
    webhookDone: "The webhook of {name} is registered.",
    webhookNotDone: "The webhook of {name} is still not registered.",
  },
  {
    webhookRegistered: "Webhook: registrado em {url}",
    webhookNotRegistered: "Webhook: não registrado",
    webhookElsewhere: "Webhook: a plataforma entrega em {url}",
    webhookPending: "{count} atualizações aguardando na plataforma.",
    webhookLastError: "Último erro ({when}): {error}",
    webhookChecking: "Webhook: verificando…",
    webhookUnknown: "Webhook: não foi possível verificar",
    webhookOffline: "Webhook: verificado com a plataforma quando houver conexão",
    registerAgain: "Registrar de novo",
    registerAgainFor: "Registrar de novo o webhook de {name}",
    webhookDone: "O webhook de {name} está registrado.",
    webhookNotDone: "O webhook de {name} ainda não está registrado.",
  },
);
