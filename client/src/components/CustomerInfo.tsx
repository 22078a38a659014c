/** The right region: the customer's profile, this conversation's metadata, and their history. */
import { Show } from "solid-js";
import { useAppState } from "../state/app-state.tsx";
import { ContactProfile } from "./ContactProfile.tsx";
import { ConversationMeta } from "./ConversationMeta.tsx";
import { EarlierConversations } from "./EarlierConversations.tsx";

export function CustomerInfo(props: { onClose: () => void }) {
  const { selection } = useAppState();
  return (
    <aside class="customer-info" id="customer-info" aria-label="Customer info">
      <div class="panel-head">
        <h2>Customer info</h2>
        <button type="button" class="btn btn-ghost info-close" onClick={() => props.onClose()}>
          <span aria-hidden="true">×</span>
          <span class="sr-only">Close customer info</span>
        </button>
      </div>
      <Show
        when={selection.conversation()}
        fallback={<p class="muted info-empty">Open a conversation to see who you are talking to.</p>}
      >
        {(conversation) => (
          <div class="info-body">
            <Show when={selection.contact()} fallback={<p class="muted small">Loading profile…</p>}>
              {(contact) => <ContactProfile contact={contact()} />}
            </Show>
            <ConversationMeta conversation={conversation()} inbox={selection.inbox()} />
            <EarlierConversations
              conversations={selection.earlierConversations()}
              loading={selection.historyLoading()}
              onOpen={(id) => selection.select(id)}
            />
          </div>
        )}
      </Show>
    </aside>
  );
}
