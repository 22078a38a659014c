/**
 * The customer panel's body for the open conversation: the contact's profile, insights, this
 * conversation's facts, suggestions, earlier conversations, files, merging and data rights. Its
 * own chunk (CustomerInfo loads it on demand), precached by the service worker for offline.
 */
import { Show } from "solid-js";
import { can, type Conversation } from "@inbox/shared";
import { useAppState } from "../app/index.ts";
import { createContactPanel } from "./contact-panel.ts";
import { ContactProfile } from "./ContactProfile.tsx";
import { ConversationMeta } from "./ConversationMeta.tsx";
import { AttachmentList } from "./AttachmentList.tsx";
import { MergeContact } from "./MergeContact.tsx";
import { ContactDataRights } from "./ContactDataRights.tsx";
import { t } from "./panel-messages.ts";
import { EarlierConversations } from "./EarlierConversations.tsx";
import { ConversationInsights, Suggestions } from "../insights/index.ts";

export function CustomerDetails(props: { conversation: Conversation }) {
  const state = useAppState();
  const { selection } = state;
  const panel = createContactPanel(state, selection.conversation);
  return (
    <div class="info-body">
      <Show when={panel.contact()} fallback={<p class="muted small">{t("loadingProfile")}</p>}>
        {(contact) => <ContactProfile contact={contact()} panel={panel} />}
      </Show>
      <ConversationInsights conversation={props.conversation} />
      <ConversationMeta conversation={props.conversation} inbox={selection.inbox()} />
      <Suggestions conversation={props.conversation} />
      <EarlierConversations
        conversations={selection.earlierConversations()}
        loading={selection.historyLoading()}
        onOpen={(id) => selection.select(id)}
      />
      <Show when={panel.contact()}>
        {(contact) => (
          <>
            <AttachmentList contactId={contact().id} conversationId={props.conversation.id} lastActivityAt={props.conversation.lastActivityAt} />
            <Show when={can(state.session.me()?.user, "manageContacts")}>
              <MergeContact contact={contact()} panel={panel} />
            </Show>
            <ContactDataRights contact={contact()} />
          </>
        )}
      </Show>
    </div>
  );
}
