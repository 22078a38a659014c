/**
 * Online / Syncing / Offline, and how many of the agent's changes wait for the server
 * ("Offline · 3 changes waiting"). A status region, so screen readers hear it change.
 */
import { createMemo } from "solid-js";
import { connectionBadge } from "../sync/connection.ts";
import { useAppState } from "../state/app-state.tsx";

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
  return (
    <p class={`connection connection-${badge().state}`} role="status" aria-label={badge().label}>
      <span class="connection-dot" aria-hidden="true" />
      {badge().text}
    </p>
  );
}
