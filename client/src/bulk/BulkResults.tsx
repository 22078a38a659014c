/**
 * The summaries of bulk actions: one line per action while its answers come in ("2 waiting to
 * send" offline) and once all have landed, with the chats not changed and why, until dismissed.
 * Read from the local database, so an action answered after a reload (or in another tab) shows
 * here too; label actions a reload interrupted are resumed. The lines themselves are a chunk of
 * their own (BulkResultLines.tsx), fetched when there is one to show.
 */
import { createEffect, on, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useAppState } from "../app/index.ts";
import { createLiveQuery } from "../local/live-query.ts";
import { loadGroups, type BulkGroup } from "../sync/bulk-ledger.ts";
import { onDemand } from "../ui/on-demand.ts";
import { labelEach } from "./run-bulk.ts";

const lines = onDemand(() => import("./BulkResultLines.tsx"));

export function BulkResults() {
  const { local } = useAppState();
  const groups = createLiveQuery(() => local.db(), loadGroups, [] as BulkGroup[], {
    // Unchanged groups keep their objects, so their lines (and an opened details list) stay as they are.
    map: (next, prev) =>
      next.map((g) => {
        const before = prev.find((p) => p.id === g.id);
        return before && JSON.stringify(before) === JSON.stringify(g) ? before : g;
      }),
  });
  createEffect(
    on(groups.loaded, (loaded) => {
      const db = local.db();
      const docs = local.workDocs();
      if (!loaded || !db || !docs) return;
      for (const g of groups()) if (g.action.kind === "label") void labelEach(db, docs, g);
    }),
  );
  createEffect(() => {
    if (groups().length > 0) lines.load().catch((err: unknown) => console.warn("Could not load the bulk summaries", err));
  });
  return (
    <Show when={groups().length > 0 && lines.ready()}>
      {(m) => <Dynamic component={m().BulkResultLines} groups={groups()} />}
    </Show>
  );
}
