/** Strings of the Human Agent tag switch of Messenger and Instagram channels. */
import { defineMessages } from "../../i18n/define-messages.ts";

export const t = defineMessages(
  {
    humanAgentLabel: "Human Agent tag: agents may reply up to 7 days after the customer's last message",
    humanAgentHelp: "Turn on only if the Meta app has the Human Agent permission; otherwise replies after 24 hours are refused.",
    humanAgentOn: "{name} now replies with the Human Agent tag up to 7 days after the customer's last message.",
    humanAgentOff: "{name} replies only within 24 hours of the customer's last message.",
  },
  {
    humanAgentLabel: "Tag Human Agent: os atendentes podem responder até 7 dias após a última mensagem do cliente",
    humanAgentHelp: "Ative só se o app da Meta tiver a permissão Human Agent; caso contrário, respostas após 24 horas são recusadas.",
    humanAgentOn: "{name} agora responde com a tag Human Agent até 7 dias após a última mensagem do cliente.",
    humanAgentOff: "{name} responde apenas dentro de 24 horas da última mensagem do cliente.",
  },
);
