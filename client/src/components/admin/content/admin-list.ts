/**
 * Loading and changing one admin list (canned responses or articles) against the server, with
 * the device's content copy refreshed after each change so agents' pickers see it at once.
 * Online only: admin changes are not queued.
 */
import { createSignal, type Accessor } from "solid-js";
import { ApiError } from "../../../api/http.ts";
import type { LocalDb } from "../../../local/db.ts";
import { contentStore } from "../../../state/content.ts";

export interface AdminList<T> {
  items: Accessor<T[] | null>;
  loadError: Accessor<string | null>;
  reload(): void;
  /** Runs a change, then reloads; resolves with the ApiError (for field messages) or null. */
  change(run: () => Promise<unknown>): Promise<ApiError | null>;
}

export function createAdminList<T>(load: () => Promise<T[]>, db: Accessor<LocalDb | null>): AdminList<T> {
  const [items, setItems] = createSignal<T[] | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const reload = () => {
    setLoadError(null);
    load().then(
      (list) => setItems(() => list),
      (err: unknown) => setLoadError(err instanceof Error ? err.message : "Something went wrong. Try again."),
    );
  };
  reload();
  return {
    items,
    loadError,
    reload,
    async change(run) {
      try {
        await run();
      } catch (err) {
        return err instanceof ApiError ? err : new ApiError("internal", "Something went wrong. Try again.", 0);
      }
      reload();
      const d = db();
      if (d) void contentStore(d).refreshNow();
      return null;
    },
  };
}
