/**
 * The signed-in agent's availability in the header: available (gets chats), busy (keeps theirs,
 * gets no new ones), away. Online-only: the server decides routing at once, so offline the
 * switch is disabled and says why.
 */
import { createSignal, Show } from "solid-js";
import { ApiError } from "../api/http.ts";
import { useAppState } from "../app/index.ts";
import { currentAvailability, rememberAvailability, routingApi, type Availability } from "./routing.ts";
import { t } from "./messages.ts";

const CHOICES: readonly Availability[] = ["available", "busy", "away"];

export function AvailabilitySwitch() {
  const { session, local } = useAppState();
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal("");
  const offline = () => !local.browserOnline() || local.unreachable();
  const user = () => session.me()?.user;
  const value = () => {
    const u = user();
    return u ? currentAvailability(u.id, u.availability) : "available";
  };

  const change = async (select: HTMLSelectElement) => {
    const u = user();
    const next = select.value as Availability;
    if (!u || next === value()) return;
    setSaving(true);
    setError("");
    try {
      const res = await routingApi.setAvailability(next);
      rememberAvailability(u.id, res.availability);
      if (res.rerouted > 0) local.notify(t("availabilityRerouted", { count: res.rerouted }));
      // The remembered /api/me (used when the app opens offline) learns it too.
      void session.reload();
    } catch (err) {
      setError(t("availabilityFailed", { reason: err instanceof ApiError ? err.message : String(err) }));
      select.value = value(); // the select shows what is really set
    } finally {
      setSaving(false);
    }
  };

  return (
    // Only agents are offered chats; for admins and supervisors the switch would mean nothing.
    <Show when={user()?.role === "agent"}>
      <div class="availability" data-availability={value()}>
        <span class="availability-dot" aria-hidden="true" />
        <select
          class="availability-select"
          aria-label={t("availability")}
          aria-describedby={offline() ? "availability-offline" : undefined}
          aria-busy={saving()}
          disabled={offline() || saving()}
          value={value()}
          onChange={(e) => void change(e.currentTarget)}
        >
          {CHOICES.map((a) => (
            <option value={a} selected={a === value()}>
              {t(a)}
            </option>
          ))}
        </select>
        <Show when={offline()}>
          <span id="availability-offline" class="availability-note">
            {t("availabilityOffline")}
          </span>
        </Show>
        <Show when={error()}>
          <span class="availability-note" role="alert">
            {error()}
          </span>
        </Show>
      </div>
    </Show>
  );
}
