/**
 * A Meta channel's app callback URL, beside its own webhook URL: Meta configures one callback
 * per app, and the server routes each entry to the inbox of its Page, Instagram account or
 * number. Shown with why the server would refuse the app's deliveries, if it would, and when
 * this inbox's account goes to another workspace that connected it first.
 */
import type { AdminInbox } from "@inbox/shared";
import { Show } from "solid-js";
import { CopyField } from "./CopyField.tsx";
import { t } from "./meta-app-messages.ts";

export function MetaAppUrl(props: { app: NonNullable<AdminInbox["metaApp"]>; name: string }) {
  return (
    <div class="meta-app-url">
      <CopyField label={t("metaAppUrlFor", { appId: props.app.appId, name: props.name })} value={props.app.webhookUrl} />
      <p class="channel-reason">{t("metaAppHelp", { count: props.app.inboxes })}</p>
      <Show when={props.app.connectedElsewhere}>
        <p class="channel-reason" role="alert">
          {t("metaAppElsewhere")}
        </p>
      </Show>
      <Show when={props.app.problem}>
        {(problem) => (
          <p class="channel-reason" role="alert">
            {problem()}
          </p>
        )}
      </Show>
    </div>
  );
}
