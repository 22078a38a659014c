/**
 * The agent's workspace: header, then the four regions of the product brief: conversation list
 * (left), chat window with its composer (centre), customer info (right).
 * On narrow screens one column shows at a time: the list, or the open chat.
 */
import { createSignal } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { AppHeader } from "../AppHeader.tsx";
import { ChannelAlerts } from "../ChannelAlerts.tsx";
import { ChatWindow } from "../../conversation/index.ts";
import { Notices } from "../Notices.tsx";
import { BulkResults } from "../../bulk/index.ts";
import { ConversationList } from "../../conversation-list/index.ts";
import { CustomerInfo } from "../../customer/index.ts";

export function InboxScreen() {
  const { selection } = useAppState();
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
