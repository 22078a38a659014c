/**
 * Loading and changing one admin list (canned responses or articles) against the server, with
 * the device's content copy refreshed after each change so agents' pickers see it at once.
 * Online only: admin changes are not queued.
 */
import type { Accessor } from "solid-js";
import { ApiError, asApiError } from "../../api/http.ts";
import { contentStore } from "../../composer/index.ts";
import type { LocalDb } from "../../local/db.ts";
import { createRequest } from "../../api/request.ts";

export interface AdminList<T> {
  items: Accessor<T[] | null>;
  loadError: Accessor<string | null>;
  /** Runs a change, then reloads; resolves with the ApiError (for field messages) or null. */
  change(run: () => Promise<unknown>): Promise<ApiError | null>;
}

export function createAdminList<T>(load: () => Promise<T[]>, db: Accessor<LocalDb | null>): AdminList<T> {
  const list = createRequest(() => true, load);
  return {
    items: list.data,
    loadError: () => list.error()?.message ?? null,
    async change(run) {
      try {
        await run();
      } catch (err) {
        return asApiError(err);
      }
      list.refetch();
      const d = db();
      if (d) void contentStore(d).refreshNow();
      return null;
    },
  };
}
