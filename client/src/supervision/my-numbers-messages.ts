/** The header's "My day" button (drawn with the inbox; its popover's words are in messages.ts, loaded with it). */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    myToday: "My day",
  },
  {
    myToday: "Meu dia",
  },
);
