/**
 * The agent's workspace: header, then the four regions of the product brief: conversation list
 * (left), chat window with its composer (centre), customer info (right).
 * On narrow screens one column shows at a time: the list, or the open chat.
 */
import { createEffect, createSignal, onCleanup } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { whenIdle } from "../../ui/on-demand.ts";
import { AppHeader } from "../AppHeader.tsx";
import { ChannelAlerts } from "../ChannelAlerts.tsx";
import { ChatWindow, preloadOpenChat } from "../../conversation/index.ts";
import { Notices } from "../Notices.tsx";
import { preloadSignIn } from "../later-screens.tsx";
import { preloadShortcutsPanel } from "../ShortcutsHelp.tsx";
import { preloadNotificationPanel } from "../../notifications/index.ts";
import { BulkResults } from "../../bulk/index.ts";
import { ConversationList, preloadListParts } from "../../conversation-list/index.ts";
import { CustomerInfo, preloadCustomerDetails } from "../../customer/index.ts";

export function InboxScreen() {
  const { selection, conversations } = useAppState();
  // The open chat, the customer panel, search and the bulk bar are chunks of their own: fetched
  // once the list has shown its first rows, when the page is idle, so the first use finds them
  // there (offline too, before the service worker has taken charge of this first page).
  let cancelPreload: (() => void) | undefined;
  onCleanup(() => cancelPreload?.());
  createEffect(() => {
    if (cancelPreload || conversations.loading()) return;
    cancelPreload = whenIdle(() => {
      preloadOpenChat();
      preloadCustomerDetails();
      preloadListParts();
      preloadSignIn();
      preloadShortcutsPanel();
      preloadNotificationPanel();
    });
  });
  // Only matters on medium screens, where the customer panel slides over the chat.
  const [infoOpen, setInfoOpen] = createSignal(false);
  return (
    <div class="app-shell">
      <AppHeader />
      <ChannelAlerts />
      <Notices />
      <BulkResults />
      <div
        class="inbox"
        data-view={selection.selectedId() ? "chat" : "list"}
        data-info-open={infoOpen() ? "true" : "false"}
      >
        <ConversationList />
        <ChatWindow infoOpen={infoOpen()} onToggleInfo={() => setInfoOpen(!infoOpen())} />
        <CustomerInfo onClose={() => setInfoOpen(false)} />
      </div>
    </div>
  );
}
