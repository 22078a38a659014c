/** The right region: the customer's profile, this conversation's metadata, their history and files, merging. */
import { Show } from "solid-js";
import { can } from "@inbox/shared";
import { useAppState } from "../app/index.ts";
import { createContactPanel } from "./contact-panel.ts";
import { ContactProfile } from "./ContactProfile.tsx";
import { ConversationMeta } from "./ConversationMeta.tsx";
import { AttachmentList } from "./AttachmentList.tsx";
import { MergeContact } from "./MergeContact.tsx";
import { ContactDataRights } from "./ContactDataRights.tsx";
import { t } from "./messages.ts";
import { EarlierConversations } from "./EarlierConversations.tsx";
import { ConversationInsights, Suggestions } from "../insights/index.ts";

export function CustomerInfo(props: { onClose: () => void }) {
  const state = useAppState();
  const { selection } = state;
  const panel = createContactPanel(state, selection.conversation);
  return (
    <aside class="customer-info" id="customer-info" aria-label={t("panelTitle")}>
      <div class="panel-head">
        <h2>{t("panelTitle")}</h2>
        <button type="button" class="btn btn-ghost info-close" onClick={() => props.onClose()}>
          <span aria-hidden="true">×</span>
          <span class="sr-only">{t("close")}</span>
        </button>
      </div>
      <Show when={selection.conversation()} fallback={<p class="muted info-empty">{t("openConversationHint")}</p>}>
        {(conversation) => (
          <div class="info-body">
            <Show when={panel.contact()} fallback={<p class="muted small">{t("loadingProfile")}</p>}>
              {(contact) => <ContactProfile contact={contact()} panel={panel} />}
            </Show>
            <ConversationInsights conversation={conversation()} />
            <ConversationMeta conversation={conversation()} inbox={selection.inbox()} />
            <Suggestions conversation={conversation()} />
            <EarlierConversations
              conversations={selection.earlierConversations()}
              loading={selection.historyLoading()}
              onOpen={(id) => selection.select(id)}
            />
            <Show when={panel.contact()}>
              {(contact) => (
                <>
                  <AttachmentList contactId={contact().id} conversationId={conversation().id} lastActivityAt={conversation().lastActivityAt} />
                  <Show when={can(state.session.me()?.user, "manageContacts")}>
                    <MergeContact contact={contact()} panel={panel} />
                  </Show>
                  <ContactDataRights contact={contact()} />
                </>
              )}
            </Show>
          </div>
        )}
      </Show>
    </aside>
  );
}
