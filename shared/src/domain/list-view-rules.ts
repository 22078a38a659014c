import type { Conversation, Priority } from "./conversation.ts";
import { byLastActivity, matchesFilter } from "./conversation-rules.ts";
import type { ListSort, ListView } from "./list-view.ts";

/* No zod here: the PWA draws its first screen with these without loading the schemas (issue 17). */

export const LIST_SORTS = ["newest", "oldest_waiting", "priority"] as const;
/** The kinds of filter beyond the tab, in the order the UI lists them. */
export const VIEW_FILTER_KEYS = ["channels", "statuses", "labels", "teamIds", "priorities"] as const;
export type ViewFilterKey = (typeof VIEW_FILTER_KEYS)[number];

export const DEFAULT_LIST_VIEW: ListView = Object.freeze({
  tab: "all",
  channels: [],
  statuses: [],
  labels: [],
  teamIds: [],
  priorities: [],
  sort: "newest",
}) as ListView;

/** True when the view is a bare tab in the default order (the list can page an index then). */
export function isPlainTab(view: ListView): boolean {
  return view.sort === "newest" && activeFilterCount(view) === 0;
}

export function activeFilterCount(view: ListView): number {
  return VIEW_FILTER_KEYS.reduce((n, key) => n + view[key].length, 0);
}

export function matchesView(c: Conversation, view: ListView, userId: string): boolean {
  if (!matchesFilter(c, view.tab, userId)) return false;
  if (view.channels.length && !view.channels.includes(c.channel)) return false;
  if (view.statuses.length && !view.statuses.includes(c.status)) return false;
  if (view.priorities.length && !view.priorities.includes(c.priority)) return false;
  if (view.teamIds.length && !view.teamIds.includes(c.teamId)) return false;
  if (view.labels.length && !c.labels.some((l) => view.labels.includes(l))) return false;
  return true;
}

/**
 * Since when the customer has been waiting for an answer, or null when they are not: the server
 * stamps the first customer message after an agent's reply and clears it on the next reply
 * (notes and bot messages leave it alone). Resolved and snoozed conversations wait for nobody.
 */
export function waitingSince(c: Conversation): number | null {
  if (c.status === "resolved" || c.status === "snoozed") return null;
  return c.waitingSince ?? null;
}

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

const byId = (a: Conversation, b: Conversation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Waiting customers first, the longest wait on top; the rest after, newest activity first. */
export function byOldestWaiting(a: Conversation, b: Conversation): number {
  const wa = waitingSince(a);
  const wb = waitingSince(b);
  if (wa !== null && wb !== null) return wa - wb || byId(a, b);
  if (wa !== null) return -1;
  if (wb !== null) return 1;
  return byLastActivity(a, b);
}

/** Urgent → low; within a priority, whoever has waited longest first. */
export function byPriority(a: Conversation, b: Conversation): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || byOldestWaiting(a, b);
}

export function comparatorFor(sort: ListSort): (a: Conversation, b: Conversation) => number {
  if (sort === "oldest_waiting") return byOldestWaiting;
  if (sort === "priority") return byPriority;
  return byLastActivity;
}

/** The list as the view shows it: filtered and sorted (a new array; the input is untouched). */
export function applyView(list: readonly Conversation[], view: ListView, userId: string): Conversation[] {
  return list.filter((c) => matchesView(c, view, userId)).sort(comparatorFor(view.sort));
}

/** Up to this many changed, each is put back by a binary search (a message arriving); more are merged (quicker from 3 on, measured at 10,000). */
const PUT_BACK_ONE_BY_ONE = 2;

/**
 * `applyView` again after some conversations changed, from its previous answer: the changed
 * ones leave and those still in the view go back in their place. Every sort breaks ties by id,
 * so the answer is exactly `applyView`'s. A few (a message arriving in a 10,000-conversation
 * list) are put back one by one, each a search and a splice; more (a replayed batch settles
 * 200) are sorted among themselves and merged in one pass, O(n + k log k): one by one that was
 * O(k n), eight times the sort it replaced at 200.
 * `shown`: the previous answer for the same view and user; `changed`: the new copies.
 */
export function reorderView(shown: readonly Conversation[], changed: readonly Conversation[], view: ListView, userId: string): Conversation[] {
  const compare = comparatorFor(view.sort);
  const back = changed.filter((c) => matchesView(c, view, userId));
  if (changed.length <= PUT_BACK_ONE_BY_ONE) {
    const next = shown.slice();
    for (const c of changed) {
      const at = next.findIndex((s) => s.id === c.id);
      if (at >= 0) next.splice(at, 1);
    }
    for (const c of back) {
      let lo = 0;
      let hi = next.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(next[mid]!, c) < 0) lo = mid + 1;
        else hi = mid;
      }
      next.splice(lo, 0, c);
    }
    return next;
  }
  const ids = new Set(changed.map((c) => c.id));
  back.sort(compare);
  const next: Conversation[] = [];
  let j = 0;
  for (const s of shown) {
    if (ids.has(s.id)) continue;
    while (j < back.length && compare(back[j]!, s) < 0) next.push(back[j++]!);
    next.push(s);
  }
  while (j < back.length) next.push(back[j++]!);
  return next;
}

/** How many conversations of the view have something unread (a tab's or a saved view's badge). */
export function unreadIn(list: readonly Conversation[], view: ListView, userId: string): number {
  let n = 0;
  for (const c of list) if (c.unreadCount > 0 && matchesView(c, view, userId)) n++;
  return n;
}

/** The view without one value of one filter (an "active filter" chip's remove button). */
export function withoutFilterValue(view: ListView, key: ViewFilterKey, value: string): ListView {
  return { ...view, [key]: (view[key] as readonly string[]).filter((v) => v !== value) };
}

/** Same filters and sort (order of choices ignored): whether a saved view is the one applied. */
export function sameView(a: ListView, b: ListView): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v) => y.includes(v));
  return a.tab === b.tab && a.sort === b.sort && VIEW_FILTER_KEYS.every((k) => same(a[k], b[k]));
}
