/**
 * Admin settings: whether each channel asks customers to rate a resolved chat (CSAT, issue 14).
 * One switch per channel, saved at once through the inbox's handling settings
 * (`/api/admin/inboxes/:id/routing`, which keeps the channel's routing as it is); online only,
 * like the rest of the admin screen.
 */
import type { AdminInbox } from "@inbox/shared";
import { RoutingSettingsResponseSchema } from "@inbox/shared/api/routing";
import { csatEnabledOf } from "@inbox/shared/domain/csat";
import { createSignal, Show } from "solid-js";
import { ApiError, request } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { ForById } from "../../ui/ForById.tsx";
import { t } from "./csat-messages.ts";

const saveCsat = (inboxId: string, csatEnabled: boolean) =>
  request(`/api/admin/inboxes/${encodeURIComponent(inboxId)}/routing`, { body: { csatEnabled }, schema: RoutingSettingsResponseSchema });

export function CsatSettings(props: { inboxes: AdminInbox[]; onSaved(): void }) {
  const { local } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();
  const [message, setMessage] = createSignal("");
  return (
    <section class="settings-section" aria-labelledby="csat-title">
      <div class="settings-section-head">
        <h2 id="csat-title">{t("csatTitle")}</h2>
      </div>
      <p class="muted">{t("csatIntro")}</p>
      <Show when={offline()}>
        <p class="form-error" role="status">
          {t("csatOffline")}
        </p>
      </Show>
      <p class="form-done" role="status">
        {message()}
      </p>
      <ul class="csat-list" style={{ "list-style": "none", padding: "0", margin: "0", display: "grid", gap: "6px" }}>
        <ForById each={props.inboxes}>
          {(inbox) => <CsatSwitch inbox={inbox()} offline={offline()} onSaved={(text) => (setMessage(text), props.onSaved())} />}
        </ForById>
      </ul>
    </section>
  );
}

function CsatSwitch(props: { inbox: AdminInbox; offline: boolean; onSaved(text: string): void }) {
  const [on, setOn] = createSignal(csatEnabledOf(props.inbox.settings));
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal("");
  const errorId = `csat-error-${props.inbox.id}`;
  const toggle = async (wanted: boolean) => {
    setSaving(true);
    setError("");
    try {
      const saved = await saveCsat(props.inbox.id, wanted);
      setOn(saved.csatEnabled);
      props.onSaved(t(saved.csatEnabled ? "csatOn" : "csatOff", { name: props.inbox.name }));
    } catch (err) {
      setOn(!wanted);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <li>
      <label>
        <input
          type="checkbox"
          checked={on()}
          disabled={saving() || props.offline}
          aria-busy={saving()}
          aria-describedby={error() ? errorId : undefined}
          onChange={(e) => {
            setOn(e.currentTarget.checked);
            void toggle(e.currentTarget.checked);
          }}
        />{" "}
        {t("csatAskFor", { name: props.inbox.name })}
      </label>
      <Show when={error()}>
        <p id={errorId} class="form-error" role="alert">
          {error()}
        </p>
      </Show>
    </li>
  );
}
