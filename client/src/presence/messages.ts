/** Strings of presence: who else is on a conversation, in the chat header and on the list's rows. */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    viewing: "{name} is viewing",
    typingReply: "{name} is typing a reply",
    writingNote: "{name} is writing a note",
    colleaguesHere: "Colleagues on this conversation",
  },
  {
    viewing: "{name} está vendo",
    typingReply: "{name} está digitando uma resposta",
    writingNote: "{name} está escrevendo uma nota",
    colleaguesHere: "Colegas nesta conversa",
  },
);
