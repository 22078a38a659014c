/** Strings of a Meta channel's app callback URL (one URL for every Page, Instagram account and number of the app). */
import { defineMessages } from "../../i18n/define-messages.ts";

export const t = defineMessages(
  {
    metaAppUrlFor: "Callback URL of Meta app {appId} (for {name})",
    metaAppHelp: "Meta sets one callback URL per app: this one serves every Page, Instagram account and number of the app connected here ({count} now). Verify token: the one entered for any of them.",
    metaAppElsewhere: "Not receiving: this account is connected in another workspace, and its messages go there.",
  },
  {
    metaAppUrlFor: "URL de callback do app da Meta {appId} (para {name})",
    metaAppHelp: "A Meta define uma URL de callback por app: esta atende todas as páginas, contas do Instagram e números do app conectados aqui ({count} agora). Token de verificação: o informado em qualquer um deles.",
    metaAppElsewhere: "Não está recebendo: esta conta está conectada em outro espaço de trabalho, e as mensagens dela vão para lá.",
  },
);
