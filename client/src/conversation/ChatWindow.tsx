/** The centre region: the open conversation's header, timeline and composer. */
import { Match, Show, Switch } from "solid-js";
import { useAppState } from "../app/index.ts";
import { Composer } from "../composer/index.ts";
import { OfferBanner } from "../routing/index.ts";
import { ChatHeader } from "./ChatHeader.tsx";
import { Timeline } from "./timeline/Timeline.tsx";
import { t } from "../ui/workspace-messages.ts";

export function ChatWindow(props: { infoOpen: boolean; onToggleInfo: () => void }) {
  const { selection, local } = useAppState();
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
            <>
              <ChatHeader conversation={conversation()} infoOpen={props.infoOpen} onToggleInfo={props.onToggleInfo} />
              <OfferBanner conversation={conversation()} />
              {/* Keyed by id: another conversation gets a fresh timeline (scroll) and composer (errors). */}
              <Show when={conversation().id} keyed>
                {(id) => (
                  <>
                    <Show
                      when={!selection.loading()}
                      fallback={
                        <p class="timeline-empty" role="status">
                          {t("loadingMessages")}
                        </p>
                      }
                    >
                      <Timeline
                        conversationId={id}
                        messages={selection.timeline()}
                        notes={selection.notes()}
                        firstUnreadId={selection.firstUnreadId()}
                        offline={!local.browserOnline() || local.unreachable()}
                      />
                    </Show>
                    <Composer conversationId={id} />
                  </>
                )}
              </Show>
            </>
          )}
        </Match>
        <Match when={true}>
          <p class="chat-empty" role="status">
            {t("loadingConversation")}
          </p>
        </Match>
      </Switch>
    </main>
  );
}
