/**
 * The workspace's canned responses and knowledge-base articles, kept on the device (Dexie `kv`
 * under `content:` keys) so `/shortcuts` and article search work offline. Loaded from the
 * device first, then refreshed from the server when a picker opens (at most once a minute),
 * and at once after an admin changes them.
 */
import { ArticleSchema, CannedResponseSchema, type Article, type CannedResponse } from "@inbox/shared/api/content";
import { createSignal, type Accessor } from "solid-js";
import { z } from "zod";
import type { LocalDb } from "../../local/db.ts";
import { contentApi } from "./content-api.ts";

export const KV_CANNED = "content:canned";
export const KV_ARTICLES = "content:articles";
const REFRESH_EVERY_MS = 60_000;

export interface ContentStore {
  canned: Accessor<CannedResponse[]>;
  /** Every article the user may read (editors: drafts too), newest first. */
  articles: Accessor<Article[]>;
  /** Asks the server again unless it answered recently; offline, the stored copy stands. */
  refresh(): void;
  refreshNow(): Promise<void>;
}

const stores = new WeakMap<LocalDb, ContentStore>();

export function contentStore(db: LocalDb): ContentStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = createContentStore(db)));
  return store;
}

function createContentStore(db: LocalDb): ContentStore {
  const [canned, setCanned] = createSignal<CannedResponse[]>([]);
  const [articles, setArticles] = createSignal<Article[]>([]);
  let fetchedAt = 0;
  let fresh = false;

  void Promise.all([db.kv.get(KV_CANNED), db.kv.get(KV_ARTICLES)]).then(
    ([c, a]) => {
      if (fresh) return;
      const storedCanned = z.array(CannedResponseSchema).safeParse(c?.value);
      const storedArticles = z.array(ArticleSchema).safeParse(a?.value);
      if (storedCanned.success) setCanned(storedCanned.data);
      if (storedArticles.success) setArticles(storedArticles.data);
    },
    () => {},
  );

  const refreshNow = async () => {
    fetchedAt = Date.now();
    const [c, a] = await Promise.allSettled([contentApi.cannedResponses(), contentApi.articles()]);
    if (c.status === "fulfilled") {
      fresh = true;
      setCanned(c.value.cannedResponses);
      await db.kv.put({ key: KV_CANNED, value: c.value.cannedResponses }).catch(() => {});
    }
    if (a.status === "fulfilled") {
      fresh = true;
      setArticles(a.value.articles);
      await db.kv.put({ key: KV_ARTICLES, value: a.value.articles }).catch(() => {});
    }
  };

  return {
    canned,
    articles,
    refresh() {
      if (Date.now() - fetchedAt > REFRESH_EVERY_MS) void refreshNow();
    },
    refreshNow,
  };
}
