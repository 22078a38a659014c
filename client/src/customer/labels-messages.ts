/** Strings of the labels editor. */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    none: "None",
    labels: "Labels",
    remove: "Remove label {label}",
    addForm: "Add label",
    newLabel: "New label",
    placeholder: "Label",
    add: "Add label",
  },
  {
    none: "Nenhuma",
    labels: "Etiquetas",
    remove: "Remover a etiqueta {label}",
    addForm: "Adicionar etiqueta",
    newLabel: "Nova etiqueta",
    placeholder: "Etiqueta",
    add: "Adicionar etiqueta",
  },
);
