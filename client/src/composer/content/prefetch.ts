/**
 * Fills the device's copy of canned responses and articles once signed in, so pickers work
 * offline even if never opened online. The content store (and the classic zod schemas it reads
 * the copy with) is a chunk of its own, fetched once the list has drawn, when the page is idle:
 * the inbox's first load does not carry it (issue 17).
 */
import { createEffect, onCleanup, type Accessor } from "solid-js";
import type { LocalDb } from "../../local/db.ts";
import { whenIdle } from "../../ui/on-demand.ts";

export function prefetchContent(db: Accessor<LocalDb | null>, listDrawn: Accessor<boolean>): void {
  createEffect(() => {
    const d = db();
    if (!d || !listDrawn()) return;
    onCleanup(
      whenIdle(() => {
        import("./content.ts").then(
          (m) => m.contentStore(d).refresh(),
          (err: unknown) => console.warn("Canned responses and articles stay as this device last saw them", err),
        );
      }),
    );
  });
}
