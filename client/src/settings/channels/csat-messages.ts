/** Strings of the satisfaction-rating (CSAT) switches in the channel settings. */
import { defineMessages } from "../../i18n/define-messages.ts";

export const t = defineMessages(
  {
    csatTitle: "Satisfaction ratings",
    csatIntro:
      "When a chat an agent answered is resolved, ask the customer to rate it from 1 to 5 (with buttons where the channel has them, otherwise by replying with a number), in their language. At most once a day per chat.",
    csatOffline: "You're offline: these settings can be changed once you're back online.",
    csatAskFor: "Ask for a rating on {name}",
    csatOn: "{name} now asks customers to rate resolved chats.",
    csatOff: "{name} no longer asks for ratings.",
  },
  {
    csatTitle: "Avaliações de satisfação",
    csatIntro:
      "Quando uma conversa respondida por um atendente for resolvida, pedir ao cliente que a avalie de 1 a 5 (com botões onde o canal permitir; nos outros, respondendo com um número), no idioma dele. No máximo uma vez por dia por conversa.",
    csatOffline: "Você está offline: estas configurações podem ser alteradas quando voltar a ficar online.",
    csatAskFor: "Pedir avaliação em {name}",
    csatOn: "{name} agora pede aos clientes que avaliem as conversas resolvidas.",
    csatOff: "{name} não pede mais avaliações.",
  },
);
