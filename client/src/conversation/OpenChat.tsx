/**
 * The open conversation in the centre region: its header, the routing offer, the timeline and
 * the composer. Its own chunk (ChatWindow loads it on demand): the inbox's first load does not
 * carry the timeline, the composer and what they use.
 */
import { Show } from "solid-js";
import type { Conversation } from "@inbox/shared";
import { useAppState } from "../app/index.ts";
import { Composer } from "../composer/index.ts";
import { OfferBanner } from "../routing/index.ts";
import { ChatHeader } from "./ChatHeader.tsx";
import { Timeline } from "./timeline/Timeline.tsx";
import { t } from "../ui/workspace-messages.ts";

export function OpenChat(props: { conversation: Conversation; infoOpen: boolean; onToggleInfo: () => void }) {
  const { selection, local } = useAppState();
  return (
    <>
      <ChatHeader conversation={props.conversation} infoOpen={props.infoOpen} onToggleInfo={props.onToggleInfo} />
      <OfferBanner conversation={props.conversation} />
      {/* Keyed by id: another conversation gets a fresh timeline (scroll) and composer (errors). */}
      <Show when={props.conversation.id} keyed>
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
  );
}
