/**
 * The agent's saved list views. The server keeps them (per user); this device keeps a copy in
 * the local database's kv table, so the list's header shows them offline too. Creating,
 * renaming and deleting need the server (they are not outbox commands: nothing else depends on
 * them, and a refused name is better said at once than after a reconnect).
 */
import type { ListView, SavedView } from "@inbox/shared/domain/list-view";
import { SavedViewMini } from "@inbox/shared/mini/index";
import * as z from "zod/mini";
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import type { LocalSlice, SessionSlice } from "../app/index.ts";
import type { LocalDb } from "../local/db.ts";

/** kv keys of the list's area. */
export const KV_LIST_VIEWS = "list:views";
export const KV_LIST_CURRENT = "list:current";

/** The device's copy is read as the list first draws: zod/mini, no classic zod yet (issue 17). */
const CachedViewsSchema = z.array(SavedViewMini);
/** The server's side, with its classic response schemas, is a chunk of its own. */
const loadApi = () => import("./saved-views-api.ts").then((m) => m.savedViewsApi);

export interface ListViewsSlice {
  views: Accessor<readonly SavedView[]>;
  /** Each rejects with an ApiError whose message can be shown as is. */
  create(name: string, view: ListView): Promise<SavedView>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export async function readCachedViews(db: LocalDb): Promise<SavedView[]> {
  const parsed = CachedViewsSchema.safeParse((await db.kv.get(KV_LIST_VIEWS))?.value);
  return parsed.success ? parsed.data : [];
}

export function createListViewsSlice(session: SessionSlice, local: LocalSlice): ListViewsSlice {
  const [views, setViews] = createSignal<readonly SavedView[]>([]);
  // A memo, so that reading who we are again (coming online, a room reconnecting) fetches the views only for another person.
  const personId = createMemo(() => session.me()?.user.id);

  /** The server answered for this database: its list wins over a late read of the copy. */
  let answered = false;
  const store = (next: readonly SavedView[]) => {
    answered = true;
    setViews(next);
    const db = local.db();
    db?.kv.put({ key: KV_LIST_VIEWS, value: next }).catch((err: unknown) => console.warn("Could not keep the saved views on this device", err));
  };

  // This device's copy first (offline too), then the server's whenever it can be reached.
  createEffect(
    on([local.db, personId], ([db, userId]) => {
      setViews([]);
      answered = false;
      if (!db || !userId) return;
      let current = true;
      onCleanup(() => (current = false));
      void readCachedViews(db).then((cached) => {
        if (current && !answered) setViews(cached);
      });
    }),
  );
  createEffect(
    on([local.db, personId, local.browserOnline], ([db, userId, online]) => {
      if (!db || !userId || !online) return;
      let current = true;
      onCleanup(() => (current = false));
      loadApi()
        .then((api) => api.list())
        .then(
          (list) => {
            if (current) store(list);
          },
          (err: unknown) => console.warn("Saved views stay as this device last saw them", err),
        );
    }),
  );

  return {
    views,
    async create(name, view) {
      const saved = await (await loadApi()).create(name, view);
      store([...views(), saved]);
      return saved;
    },
    async rename(id, name) {
      const renamed = await (await loadApi()).rename(id, name);
      store(views().map((v) => (v.id === id ? renamed : v)));
    },
    async remove(id) {
      await (await loadApi()).remove(id);
      store(views().filter((v) => v.id !== id));
    },
  };
}
