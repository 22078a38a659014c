/** Lets an image in any bubble open the timeline's one viewer (which pages through all images). */
import { createContext, useContext } from "solid-js";

export interface ChatMedia {
  openImage(messageId: string): void;
}

export const ChatMediaContext = createContext<ChatMedia | null>(null);

export function useChatMedia(): ChatMedia | null {
  return useContext(ChatMediaContext);
}
