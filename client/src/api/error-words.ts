/** The client's own words for API failures that never carried the server's (reason-words.ts words the server's refusals). */
import { defineMessages } from "../i18n/define-messages.ts";

export const httpWords = defineMessages(
  {
    network: "Can't reach the server. Check your connection and try again.",
    signInAgain: "Please sign in again.",
    noAccess: "You don't have access to this.",
    notFound: "That was not found.",
    tooMany: "Too many requests. Wait a moment and try again.",
    serverProblem: "The server had a problem. Try again in a moment.",
    somethingWrong: "Something went wrong. Try again.",
  },
  {
    network: "Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.",
    signInAgain: "Entre novamente.",
    noAccess: "Você não tem acesso a isto.",
    notFound: "Isso não foi encontrado.",
    tooMany: "Pedidos demais. Espere um momento e tente de novo.",
    serverProblem: "O servidor teve um problema. Tente de novo em instantes.",
    somethingWrong: "Algo deu errado. Tente de novo.",
  },
);

