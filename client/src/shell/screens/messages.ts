/** Strings of the screens around the inbox: signing in, loading, and the server out of reach. */
import { defineMessages } from "../../i18n/define-messages.ts";

export const t = defineMessages(
  {
    signIn: "Sign in",
    signInTitle: "Sign in to Inbox",
    tagline: "Answer every channel from one place.",
    email: "Email",
    password: "Password",
    enterBoth: "Enter your email and password.",
    somethingWrong: "Something went wrong. Try again.",
    loading: "Loading",
    loadingInbox: "Loading your inbox…",
    offline: "Offline",
    unreachableTitle: "Can't reach the server",
    unreachableText: "Check your internet connection. The inbox reconnects by itself when you are back online.",
    tryAgain: "Try again",
  },
  {
    signIn: "Entrar",
    signInTitle: "Entrar no Inbox",
    tagline: "Atenda todos os canais em um só lugar.",
    email: "E-mail",
    password: "Senha",
    enterBoth: "Informe seu e-mail e sua senha.",
    somethingWrong: "Algo deu errado. Tente de novo.",
    loading: "Carregando",
    loadingInbox: "Carregando sua caixa de entrada…",
    offline: "Offline",
    unreachableTitle: "Não foi possível acessar o servidor",
    unreachableText: "Verifique sua conexão com a internet. A caixa de entrada se reconecta sozinha quando você voltar a ficar online.",
    tryAgain: "Tentar de novo",
  },
);
