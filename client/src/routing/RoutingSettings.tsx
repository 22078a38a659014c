/**
 * Admin settings: how each channel hands out new chats (manual / round robin / least loaded),
 * how long an offered chat waits to be picked up before it goes to a colleague, and whether an
 * agent going away (or offline: no live connection for the grace period) hands their offered
 * chats on. Saved per channel; online-only like the rest
 * of the admin screen.
 */
import type { AdminInbox } from "@inbox/shared";
import { PICKUP_TIMEOUT_MAX_SECONDS, PICKUP_TIMEOUT_MIN_SECONDS, ROUTING_MODES, routingSettingsOf, type RoutingMode } from "@inbox/shared/domain/routing";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../api/http.ts";
import { useAppState } from "../app/index.ts";
import { routingApi } from "./routing.ts";
import { ForById } from "../ui/ForById.tsx";
import { t } from "./settings-messages.ts";

export function RoutingSettings(props: { inboxes: AdminInbox[]; onSaved(): void }) {
  const { local } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();
  const [message, setMessage] = createSignal("");
  return (
    <section class="settings-section" aria-labelledby="routing-title">
      <div class="settings-section-head">
        <h2 id="routing-title">{t("routingTitle")}</h2>
      </div>
      <p class="muted">{t("routingIntro")}</p>
      <Show when={offline()}>
        <p class="form-error" role="status">
          {t("routingOffline")}
        </p>
      </Show>
      <p class="form-done" role="status">
        {message()}
      </p>
      <div class="table-wrap">
        <table class="routing-table">
          <caption class="sr-only">{t("routingTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("routingInbox")}</th>
              <th scope="col">{t("routingMode")}</th>
              <th scope="col">{t("routingTimeout")}</th>
              <th scope="col">{t("routingAway")}</th>
              <th scope="col">
                <span class="sr-only">{t("save")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {/* Keyed by id, so a list refresh keeps what an admin is typing in another row. */}
            <ForById each={props.inboxes}>
              {(inbox) => <RoutingRow inbox={inbox()} offline={offline()} onSaved={(text) => (setMessage(text), props.onSaved())} />}
            </ForById>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RoutingRow(props: { inbox: AdminInbox; offline: boolean; onSaved(text: string): void }) {
  const initial = routingSettingsOf(props.inbox.settings);
  const [mode, setMode] = createSignal<RoutingMode>(initial.mode);
  const [timeout, setTimeoutText] = createSignal(initial.pickupTimeoutSeconds === null ? "" : String(initial.pickupTimeoutSeconds));
  const [rerouteOnAway, setRerouteOnAway] = createSignal(initial.rerouteOnAway);
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal("");
  const name = () => props.inbox.name;
  const errorId = `routing-error-${props.inbox.id}`;

  const parsedTimeout = (): number | null | "invalid" => {
    const text = timeout().trim();
    if (text === "") return null;
    const n = Number(text);
    return Number.isInteger(n) && n >= PICKUP_TIMEOUT_MIN_SECONDS && n <= PICKUP_TIMEOUT_MAX_SECONDS ? n : "invalid";
  };

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const pickupTimeoutSeconds = parsedTimeout();
    if (pickupTimeoutSeconds === "invalid") {
      setError(t("timeoutInvalid", { min: PICKUP_TIMEOUT_MIN_SECONDS, max: PICKUP_TIMEOUT_MAX_SECONDS }));
      return;
    }
    setSaving(true);
    setError("");
    try {
      await routingApi.saveRouting(props.inbox.id, { mode: mode(), pickupTimeoutSeconds, rerouteOnAway: rerouteOnAway() });
      props.onSaved(t("saved", { name: name() }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const formId = `routing-form-${props.inbox.id}`;
  return (
    <tr>
      <th scope="row">
        {name()}
        {/* A form per row (rows cannot hold forms): the controls join it with form=. */}
        <form id={formId} noValidate onSubmit={(e) => void save(e)} />
        <Show when={error()}>
          <p id={errorId} class="form-error" role="alert">
            {error()}
          </p>
        </Show>
      </th>
      <td data-label={t("routingMode")}>
        <select form={formId} aria-label={t("modeFor", { name: name() })} value={mode()} onChange={(e) => setMode(e.currentTarget.value as RoutingMode)}>
          {ROUTING_MODES.map((m) => (
            <option value={m} selected={m === mode()}>
              {t(`mode_${m}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t("routingTimeout")}>
        <input
          form={formId}
          type="number"
          inputMode="numeric"
          min={PICKUP_TIMEOUT_MIN_SECONDS}
          max={PICKUP_TIMEOUT_MAX_SECONDS}
          step="1"
          placeholder={t("timeoutHint")}
          aria-label={t("timeoutFor", { name: name() })}
          aria-invalid={error() ? true : undefined}
          aria-describedby={error() ? errorId : undefined}
          value={timeout()}
          onInput={(e) => setTimeoutText(e.currentTarget.value)}
        />
      </td>
      <td data-label={t("routingAway")}>
        <input
          form={formId}
          type="checkbox"
          aria-label={t("awayFor", { name: name() })}
          checked={rerouteOnAway()}
          onChange={(e) => setRerouteOnAway(e.currentTarget.checked)}
        />
      </td>
      <td>
        <button form={formId} type="submit" class="btn" disabled={saving() || props.offline} aria-busy={saving()} aria-label={t("saveFor", { name: name() })}>
          {saving() ? t("saving") : t("save")}
        </button>
      </td>
    </tr>
  );
}
