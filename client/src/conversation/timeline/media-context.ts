/** Lets an image in any bubble open the timeline's one viewer (which pages through all images). */
import { createContext, useContext } from "solid-js";
import type { FindKept } from "./local-media.ts";

export interface ChatMedia {
  openImage(messageId: string): void;
  /** Reads attachments still waiting on this device to be uploaded. */
  findKept: FindKept | null;
}

export const ChatMediaContext = createContext<ChatMedia | null>(null);

export function useChatMedia(): ChatMedia | null {
  return useContext(ChatMediaContext);
}
