/**
 * Online / Syncing / Offline, and how many of the agent's changes wait for the server
 * ("Offline · 3 changes waiting"). A status region, so screen readers hear it change.
 */
import { createMemo } from "solid-js";
import { useAppState } from "../app/index.ts";
import { connectionBadge } from "../sync/connection.ts";
import { t } from "./messages.ts";

export function ConnectionBadge() {
  const { conversations, local } = useAppState();
  const badge = createMemo(() =>
    connectionBadge({
      rooms: conversations.connection(),
      browserOnline: local.browserOnline(),
      unreachable: local.unreachable(),
      busy: local.sending() || local.pulling(),
      waiting: local.waiting(),
    }),
  );
  // The words in the UI's language (connectionBadge's own are the English ones).
  const text = () => {
    const word = t(badge().state);
    const waiting = local.waiting();
    if (waiting === 0) return word;
    return waiting === 1 ? t("waitingOne", { text: word }) : t("waitingMany", { text: word, count: waiting });
  };
  return (
    <p class={`connection connection-${badge().state}`} role="status" aria-label={t("connection", { text: text() })}>
      <span class="connection-dot" aria-hidden="true" />
      <span class="connection-text">{text()}</span>
      {/* A phone's header row has room for the count only (the full words are the status's name). */}
      <span class="connection-short" aria-hidden="true">
        {local.waiting() === 0 ? t(badge().state) : `${t(badge().state)} · ${local.waiting()}`}
      </span>
    </p>
  );
}
