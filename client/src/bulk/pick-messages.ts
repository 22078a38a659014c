/** The row checkboxes' words: apart from the bar's table, as the list draws them from its first rows (the bar loads on demand). */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    pick: "Select {name}",
    pickAll: "Select all shown",
  },
  {
    pick: "Selecionar {name}",
    pickAll: "Selecionar todas as exibidas",
  },
);
