/**
 * The centre region: "no conversation open", or the open conversation (OpenChat: header,
 * timeline, composer), which is its own chunk, fetched when a chat first opens or once the inbox
 * has shown (`preloadOpenChat`), and precached by the service worker for offline starts.
 */
import { createEffect, Match, Show, Switch } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useAppState } from "../app/index.ts";
import { onDemand } from "../ui/on-demand.ts";
import { t } from "../ui/workspace-messages.ts";

const openChat = onDemand(() => import("./OpenChat.tsx"));

/** Fetches the open conversation's chunk ahead of the first click. */
export function preloadOpenChat(): void {
  openChat.load().catch((err: unknown) => console.warn("Could not load the conversation view", err));
}

function Loading() {
  return (
    <p class="chat-empty" role="status">
      {t("loadingConversation")}
    </p>
  );
}

export function ChatWindow(props: { infoOpen: boolean; onToggleInfo: () => void }) {
  const { selection } = useAppState();
  createEffect(() => {
    if (selection.selectedId()) preloadOpenChat();
  });
  return (
    <main class="chat" aria-label={t("chat")}>
      <Switch>
        <Match when={!selection.selectedId()}>
          <div class="chat-empty">
            <h2>{t("noConversationOpen")}</h2>
            <p class="muted">{t("pickConversation")}</p>
          </div>
        </Match>
        <Match when={!selection.conversation() && selection.loadError()}>
          {(err) => (
            <div class="chat-empty">
              <p role="alert">{err().message}</p>
            </div>
          )}
        </Match>
        <Match when={selection.conversation()}>
          {(conversation) => (
            <Show when={openChat.ready()} fallback={<Loading />}>
              {(m) => <Dynamic component={m().OpenChat} conversation={conversation()} infoOpen={props.infoOpen} onToggleInfo={props.onToggleInfo} />}
            </Show>
          )}
        </Match>
        <Match when={true}>
          <Loading />
        </Match>
      </Switch>
    </main>
  );
}
