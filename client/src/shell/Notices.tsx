/**
 * What the agent must read about their offline work, e.g. a reply the server refused
 * ("Conversation was taken by Ana while you were offline; your reply was kept as a draft.").
 * Each stays until dismissed.
 */
import { For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { t } from "./messages.ts";

export function Notices() {
  const { local } = useAppState();
  return (
    <Show when={local.notices().length > 0}>
      <div class="notices">
        <For each={local.notices()}>
          {(notice) => (
            <div class="notice">
              <p class="notice-text" role="alert">
                {notice.text}
              </p>
              <Show when={notice.action}>
                {(action) => (
                  <button type="button" class="btn btn-primary notice-action" onClick={() => void local.act(notice.id)}>
                    {action().label}
                  </button>
                )}
              </Show>
              <button type="button" class="btn btn-ghost notice-dismiss" onClick={() => local.dismiss(notice.id)}>
                {t("dismiss")}
              </button>
            </div>
          )}
        </For>
      </div>
    </Show>
  );
}
