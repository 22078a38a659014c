/**
 * Opening the chat a push notification was about: the service worker either asks an open app
 * window (a message) or opens the app at `/?conversation=<id>`; either way the chat is selected
 * once someone is signed in, and the address goes back to the plain inbox.
 */
import { createEffect, on, onCleanup, type Accessor } from "solid-js";
import { OPEN_CONVERSATION_MESSAGE } from "../pwa/push-message.ts";

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export function openChatsFromPushes(userId: Accessor<string | null>, openConversation: (id: string) => void): void {
  let pending: string | null = null;
  const fromUrl = new URLSearchParams(location.search).get("conversation");
  if (fromUrl && ID.test(fromUrl)) {
    pending = fromUrl;
    history.replaceState(history.state, "", location.pathname);
  }
  const openWhenSignedIn = () => {
    if (!pending || !userId()) return;
    const id = pending;
    pending = null;
    // After the selection's own reaction to the sign-in (which clears what was open).
    queueMicrotask(() => openConversation(id));
  };
  createEffect(on(userId, openWhenSignedIn));

  if (!("serviceWorker" in navigator)) return;
  const onMessage = (e: MessageEvent) => {
    const data = e.data as { type?: unknown; conversationId?: unknown } | null;
    if (data?.type !== OPEN_CONVERSATION_MESSAGE || typeof data.conversationId !== "string" || !ID.test(data.conversationId)) return;
    pending = data.conversationId;
    openWhenSignedIn();
  };
  navigator.serviceWorker.addEventListener("message", onMessage);
  onCleanup(() => navigator.serviceWorker.removeEventListener("message", onMessage));
}
