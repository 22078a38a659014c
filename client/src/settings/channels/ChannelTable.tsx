/**
 * Every channel of the workspace: name, type, team, state in words (and why), where the
 * platform must send its webhooks, and the admin's actions: disable/enable and reconnect. Those
 * ask the server: offline they are disabled, and each row says why beside them.
 */
import type { AdminInbox, Team } from "@inbox/shared";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../../api/http.ts";
import { widgetSnippet } from "./admin-rows.ts";
import { ChannelBadge } from "../../ui/ChannelBadge.tsx";
import { ChannelStatusBadge } from "../../ui/ChannelStatusBadge.tsx";
import { CopyField } from "./CopyField.tsx";
import { ForById } from "../../ui/ForById.tsx";
import { ReconnectForm } from "./ReconnectForm.tsx";
import { WebhookStatus } from "./WebhookStatus.tsx";
import { HumanAgentToggle } from "./HumanAgentToggle.tsx";
import { MetaAppUrl } from "./MetaAppUrl.tsx";
import { ChannelTemplates } from "./ChannelTemplates.tsx";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "../messages.ts";

export interface ChannelActions {
  setEnabled(id: string, enabled: boolean): Promise<AdminInbox>;
  reconnect(id: string, credentials: Record<string, string>): Promise<AdminInbox>;
  setHumanAgentTag(id: string, enabled: boolean): Promise<AdminInbox>;
}

export function ChannelTable(props: {
  channels: AdminInbox[];
  teams: readonly Team[];
  now: number;
  /** The device is offline: actions that need the server are disabled. */
  offline: boolean;
  /** The channel whose reconnect form is open. */
  reconnecting: string | null;
  onReconnecting(id: string | null): void;
  onMessage(text: string): void;
  actions: ChannelActions;
}) {
  // Rows are keyed by id, so a channel whose state changes keeps its row (and the admin's focus).
  const teamName = (id: string) => props.teams.find((t) => t.id === id)?.name ?? t("anotherTeam");

  return (
    <div class="table-wrap">
      <table class="channel-table">
        <caption class="sr-only">{t("channels")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("channel")}</th>
            <th scope="col">{t("team")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("webhookUrl")}</th>
            <th scope="col">
              <span class="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <ForById each={props.channels}>
            {(inbox, id) => (
              <ChannelRow
                inbox={inbox()}
                teamName={teamName(inbox().teamId)}
                now={props.now}
                offline={props.offline}
                reconnecting={props.reconnecting === id}
                onReconnecting={(open) => props.onReconnecting(open ? id : null)}
                onMessage={props.onMessage}
                actions={props.actions}
              />
            )}
          </ForById>
        </tbody>
      </table>
    </div>
  );
}

function ChannelRow(props: {
  inbox: AdminInbox;
  teamName: string;
  now: number;
  offline: boolean;
  reconnecting: boolean;
  onReconnecting(open: boolean): void;
  onMessage(text: string): void;
  actions: ChannelActions;
}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const i = () => props.inbox;
  const disabled = () => i().status === "disabled";
  const formId = () => `reconnect-${i().id}`;
  const offlineId = () => `channel-offline-${i().id}`;
  let reconnectButton: HTMLButtonElement | undefined;
  /** Closing the form puts the keyboard back where it was opened. */
  const closeForm = () => {
    props.onReconnecting(false);
    queueMicrotask(() => reconnectButton?.focus());
  };

  const toggle = async () => {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await props.actions.setEnabled(i().id, disabled());
      props.onMessage(
        updated.status === "disabled"
          ? t("isDisabled", { name: updated.name })
          : t("isEnabled", { name: updated.name }),
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("somethingWrong"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <tr class="channel-row" classList={{ "channel-row-off": disabled() }}>
        <th scope="row" data-label={t("name")}>
          {i().name}
        </th>
        <td data-label={t("channel")}>
          <ChannelBadge channel={i().channel} />
        </td>
        <td data-label={t("team")}>{props.teamName}</td>
        <td data-label={t("status")}>
          <ChannelStatusBadge inbox={i()} now={props.now} />
          <Show when={i().statusReason}>
            <p class="channel-reason">{i().statusReason}</p>
          </Show>
          <Show when={!i().hasCredentials && i().channel !== "webchat"}>
            <p class="channel-reason">{t("noCredentials")}</p>
          </Show>
        </td>
        <td data-label={i().webhookUrl ? t("webhookUrl") : t("embedCode")}>
          <Show
            when={i().webhookUrl}
            fallback={<CopyField label={t("embedCodeFor", { name: i().name })} value={widgetSnippet(location.origin, i().id)} />}
          >
            {(url) => <CopyField label={t("webhookUrlFor", { name: i().name })} value={url()} />}
          </Show>
          <Show when={i().metaApp}>{(app) => <MetaAppUrl app={app()} name={i().name} />}</Show>
          <Show when={i().webhookManaged && i().hasCredentials}>
            <WebhookStatus inboxId={i().id} name={i().name} disabled={disabled()} onMessage={props.onMessage} />
          </Show>
          <Show when={i().channel === "messenger" || i().channel === "instagram"}>
            <HumanAgentToggle inbox={i()} offline={props.offline} onChange={(on) => props.actions.setHumanAgentTag(i().id, on)} onMessage={props.onMessage} />
          </Show>
        </td>
        <td class="channel-actions-cell" data-label={t("actions")}>
          <div class="channel-actions">
            <button
              type="button"
              class="btn"
              classList={{ "btn-danger": !disabled() }}
              aria-label={t(disabled() ? "enableName" : "disableName", { name: i().name })}
              // Not `disabled` while busy: that would drop the keyboard focus; toggle() ignores repeats.
              aria-disabled={busy()}
              disabled={props.offline}
              aria-describedby={props.offline ? offlineId() : undefined}
              aria-busy={busy()}
              onClick={() => void toggle()}
            >
              {disabled() ? t("enable") : t("disable")}
            </button>
            <Show when={i().channel !== "webchat"}>
              <button
                ref={reconnectButton}
                type="button"
                class="btn"
                classList={{ "btn-primary": i().status === "token_expired" || !i().hasCredentials }}
                aria-label={t("reconnectName", { name: i().name })}
                aria-expanded={props.reconnecting}
                aria-controls={props.reconnecting ? formId() : undefined}
                disabled={props.offline}
                aria-describedby={props.offline ? offlineId() : undefined}
                onClick={() => props.onReconnecting(!props.reconnecting)}
              >
                {t("reconnect")}
              </button>
            </Show>
          </div>
          <Show when={props.offline}>
            <p class="channel-reason channel-offline" id={offlineId()}>
              {t("actionsOffline")}
            </p>
          </Show>
          <ErrorMessage message={error()} />
        </td>
      </tr>
      <Show when={i().channel === "whatsapp" && i().hasCredentials}>
        <tr class="templates-row">
          <td colSpan={6}>
            <ChannelTemplates inboxId={i().id} name={i().name} offline={props.offline} onMessage={props.onMessage} />
          </td>
        </tr>
      </Show>
      <Show when={props.reconnecting}>
        <tr class="reconnect-row" id={formId()}>
          <td colSpan={6}>
            <ReconnectForm
              inbox={i()}
              offline={props.offline}
              onReconnect={(credentials) => props.actions.reconnect(i().id, credentials)}
              onDone={(message) => {
                props.onMessage(message);
                closeForm();
              }}
              onCancel={closeForm}
            />
          </td>
        </tr>
      </Show>
    </>
  );
}
