/** The customer panel's frame (title, close, empty and loading words): drawn with the inbox, apart from the panel body's table. */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    panelTitle: "Customer info",
    close: "Close customer info",
    openConversationHint: "Open a conversation to see who you are talking to.",
    loadingProfile: "Loading profile…",
  },
  {
    panelTitle: "Informações do cliente",
    close: "Fechar informações do cliente",
    openConversationHint: "Abra uma conversa para ver com quem você está falando.",
    loadingProfile: "Carregando perfil…",
  },
);
