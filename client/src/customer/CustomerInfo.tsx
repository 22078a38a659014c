/**
 * The right region: the customer's profile, this conversation's metadata, their history and
 * files, merging. The panel's body (CustomerDetails) is its own chunk, fetched when a chat first
 * opens or once the inbox has shown (`preloadCustomerDetails`), precached for offline starts.
 */
import { createEffect, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useAppState } from "../app/index.ts";
import { onDemand } from "../ui/on-demand.ts";
import { t } from "./panel-messages.ts";

const details = onDemand(() => import("./CustomerDetails.tsx"));

/** Fetches the panel's body ahead of the first opened chat. */
export function preloadCustomerDetails(): void {
  details.load().catch((err: unknown) => console.warn("Could not load the customer panel", err));
}

export function CustomerInfo(props: { onClose: () => void }) {
  const { selection } = useAppState();
  createEffect(() => {
    if (selection.conversation()) preloadCustomerDetails();
  });
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
          <Show when={details.ready()} fallback={<p class="muted small">{t("loadingProfile")}</p>}>
            {(m) => <Dynamic component={m().CustomerDetails} conversation={conversation()} />}
          </Show>
        )}
      </Show>
    </aside>
  );
}
