/**
 * The per-channel switch for Meta's Human Agent tag (Messenger, Instagram): Meta grants the
 * permission per app, so an admin says whether this channel has it.
 */
import type { AdminInbox } from "@inbox/shared";
import { createSignal } from "solid-js";
import { asApiError } from "../../api/http.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "./human-agent-messages.ts";

export function HumanAgentToggle(props: { inbox: AdminInbox; offline: boolean; onChange(enabled: boolean): Promise<AdminInbox>; onMessage(text: string): void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const on = () => props.inbox.settings.humanAgentTag === true;
  const helpId = () => `human-agent-help-${props.inbox.id}`;

  const toggle = async (box: HTMLInputElement) => {
    const enabled = box.checked;
    if (busy()) {
      box.checked = !enabled;
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await props.onChange(enabled);
      props.onMessage(t(updated.settings.humanAgentTag === true ? "humanAgentOn" : "humanAgentOff", { name: updated.name }));
    } catch (err) {
      // The box shows what the server has, not what was clicked.
      box.checked = on();
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="channel-human-agent">
      <label>
        <input
          type="checkbox"
          checked={on()}
          // Offline the row's "You're offline" (beside its actions) says why it cannot change.
          disabled={props.offline}
          aria-describedby={props.offline ? `${helpId()} channel-offline-${props.inbox.id}` : helpId()}
          aria-busy={busy()}
          onChange={(e) => void toggle(e.currentTarget)}
        />{" "}
        {t("humanAgentLabel")}
      </label>
      <p class="channel-reason" id={helpId()}>
        {t("humanAgentHelp")}
      </p>
      <ErrorMessage message={error()} />
    </div>
  );
}
