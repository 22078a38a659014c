/** Strings of the customer panel's data rights (export, erase), in English and Brazilian Portuguese. */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    title: "Customer's data",
    intro: "Download everything kept about this person, or erase it for good.",
    export: "Export data",
    exporting: "Preparing the archive…",
    exported: "Downloaded {file}.",
    erase: "Erase contact…",
    eraseTitle: "Erase this contact",
    eraseWarning:
      "Everything {name} wrote and was sent, notes about them and their files are erased for good, and they are no longer known on any channel. The conversations stay, anonymous, so reports still add up. This cannot be undone.",
    typeName: "Type {name} to confirm",
    eraseConfirm: "Erase permanently",
    erasing: "Erasing…",
    erased: "Erased. Messages: {messages}, conversations: {conversations}, files: {files}.",
    cancel: "Cancel",
    offline: "Exporting and erasing need a connection.",
    failed: "That did not work. Try again.",
    erasedOn: "This customer's data was erased on {date}.",
  },
  {
    title: "Dados do cliente",
    intro: "Baixe tudo o que está guardado sobre esta pessoa, ou apague para sempre.",
    export: "Exportar dados",
    exporting: "Preparando o arquivo…",
    exported: "{file} baixado.",
    erase: "Apagar contato…",
    eraseTitle: "Apagar este contato",
    eraseWarning:
      "Tudo o que {name} escreveu e recebeu, as notas sobre a pessoa e seus arquivos são apagados para sempre, e ela deixa de ser conhecida em qualquer canal. As conversas ficam, anônimas, para que os relatórios continuem batendo. Não é possível desfazer.",
    typeName: "Digite {name} para confirmar",
    eraseConfirm: "Apagar permanentemente",
    erasing: "Apagando…",
    erased: "Apagado. Mensagens: {messages}, conversas: {conversations}, arquivos: {files}.",
    cancel: "Cancelar",
    offline: "Exportar e apagar precisam de conexão.",
    failed: "Não deu certo. Tente de novo.",
    erasedOn: "Os dados deste cliente foram apagados em {date}.",
  },
);
