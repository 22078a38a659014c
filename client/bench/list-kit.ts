/**
 * In-page helpers of the list benchmark (sync-server/bench/list-bench.ts), bundled with esbuild
 * and installed as `globalThis.__listKit`: fill the signed-in user's local database with
 * conversations through the app's own store, and time requestAnimationFrame while a list
 * scrolls.
 */
import { byLastActivity, type ChannelType, type Conversation, type ConversationStatus, type Priority } from "@inbox/shared";
import { openLocalDb } from "../src/local/db.ts";
import { stripConversation } from "../src/local/rows.ts";
import { putConversations } from "../src/local/store.ts";

const CHANNELS: ChannelType[] = ["webchat", "whatsapp", "telegram", "messenger", "instagram"];
const STATUSES: ConversationStatus[] = ["open", "open", "pending", "snoozed", "resolved"];
const PRIORITIES: Priority[] = ["low", "normal", "normal", "high", "urgent"];
const LABELS = ["billing", "vip", "shipping", "refund", "bug"];

/** Writes `count` conversations (varied channel, status, priority, labels, unread) in chunks. */
async function seed(opts: { userId: string; workspaceId: string; inboxId: string; teamId: string; count: number }): Promise<number> {
  const db = openLocalDb(opts.userId);
  const now = Date.now();
  const t0 = performance.now();
  const CHUNK = 1000;
  for (let start = 0; start < opts.count; start += CHUNK) {
    const list: Conversation[] = [];
    for (let i = start; i < Math.min(opts.count, start + CHUNK); i++) {
      const createdAt = now - (opts.count - i) * 60_000 - 3_600_000;
      list.push({
        id: `bench-${String(i).padStart(6, "0")}`,
        workspaceId: opts.workspaceId,
        inboxId: opts.inboxId,
        channel: CHANNELS[i % CHANNELS.length]!,
        contactId: `bench-contact-${i}`,
        contactName: `Bench Customer ${i}`,
        teamId: opts.teamId,
        status: STATUSES[i % STATUSES.length]!,
        priority: PRIORITIES[(i * 7) % PRIORITIES.length]!,
        assigneeId: i % 3 === 0 ? opts.userId : null,
        snoozedUntil: null,
        labels: i % 4 === 0 ? [LABELS[i % LABELS.length]!] : [],
        unreadCount: i % 6 === 0 ? (i % 5) + 1 : 0,
        lastMessagePreview: `Question ${i} about my parcel number ${i}`,
        firstResponseAt: i % 2 === 0 ? createdAt + 30_000 : null,
        lastActivityAt: createdAt + 3_000_000,
        createdAt,
      });
    }
    await putConversations(db, list);
  }
  db.close();
  return performance.now() - t0;
}

/** A customer writes again in one conversation: it gets newer than every other and one more unread. */
async function touch(opts: { userId: string; id: string }): Promise<void> {
  const db = openLocalDb(opts.userId);
  const row = await db.conversations.get(opts.id);
  if (!row) throw new Error(`no conversation ${opts.id}`);
  await putConversations(db, [{ ...stripConversation(row), lastActivityAt: Date.now(), unreadCount: row.unreadCount + 1 }]);
  db.close();
}

/**
 * `touch`, then waits until the list shows that conversation on top: how long a new message
 * takes to reorder the list. Two moments: `domMs`, when the list's DOM first has it on top (a
 * MutationObserver, so the app's own work, to the microtask), and `shownMs`, the first animation
 * frame that finds it there (what the user sees; it adds the wait for the display's next frame,
 * up to one frame, which no app can shorten). The list must be scrolled to the top.
 */
async function touchUntilFirst(opts: { userId: string; id: string; name: string }): Promise<{ writeMs: number; domMs: number; shownMs: number }> {
  const onTop = () => document.querySelector('[aria-label="Conversation list"] [aria-posinset="1"] .conv-item-name')?.textContent === opts.name;
  let domMs = -1;
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (domMs < 0 && onTop()) domMs = performance.now() - t0;
  });
  observer.observe(document.querySelector('[aria-label="Conversation list"]')!, { subtree: true, childList: true, characterData: true, attributes: true });
  await touch(opts);
  const writeMs = performance.now() - t0;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (onTop()) {
        observer.disconnect();
        const shownMs = performance.now() - t0;
        resolve({ writeMs, domMs: domMs < 0 ? shownMs : domMs, shownMs });
      } else if (performance.now() - t0 > 30_000) reject(new Error(`${opts.name} never came to the top`));
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** Reading every cached conversation, as the list does after a write (median of `runs`). */
async function readAll(opts: { userId: string; runs: number }): Promise<{ ms: number; rows: number }> {
  const db = openLocalDb(opts.userId);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    rows = (await db.conversations.toArray()).length;
    times.push(performance.now() - t0);
  }
  db.close();
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, rows };
}

/**
 * Scrolls `selector`'s element by `step` px every animation frame for `frames` frames (back up
 * when it reaches the end) and returns the frame-to-frame deltas. `selector` null: no scrolling,
 * just the page's frame cadence.
 */
function scrollFrames(opts: { selector: string | null; frames: number; step: number }): Promise<number[]> {
  const el = opts.selector ? document.querySelector<HTMLElement>(opts.selector) : null;
  if (opts.selector && !el) throw new Error(`nothing matches ${opts.selector}`);
  return new Promise((resolve) => {
    const deltas: number[] = [];
    let last = -1;
    let direction = 1;
    const frame = (t: number) => {
      if (last >= 0) deltas.push(t - last);
      last = t;
      if (el) {
        if (el.scrollTop + el.clientHeight + opts.step >= el.scrollHeight) direction = -1;
        else if (el.scrollTop - opts.step <= 0) direction = 1;
        el.scrollTop += direction * opts.step;
      }
      if (deltas.length < opts.frames) requestAnimationFrame(frame);
      else resolve(deltas);
    };
    requestAnimationFrame(frame);
  });
}

/** A plain static list of `count` rows of `rowHeight` px (all in the DOM), over the page: the baseline. */
function staticList(opts: { count: number; rowHeight: number }): string {
  const box = document.createElement("div");
  box.id = "bench-static-list";
  box.style.cssText = "position:fixed;inset:0 auto 0 0;width:340px;overflow-y:auto;background:#fff;z-index:9999";
  const ul = document.createElement("ul");
  ul.style.cssText = "margin:0;padding:0;list-style:none";
  const frag = document.createDocumentFragment();
  for (let i = 0; i < opts.count; i++) {
    const li = document.createElement("li");
    li.style.cssText = `height:${opts.rowHeight}px;padding:10px;box-sizing:border-box;border-bottom:1px solid #eee`;
    li.textContent = `Bench Customer ${i} — Question ${i} about my parcel number ${i}`;
    frag.append(li);
  }
  ul.append(frag);
  box.append(ul);
  document.body.append(box);
  return "#bench-static-list";
}

function removeStaticList(): void {
  document.getElementById("bench-static-list")?.remove();
}

/** `touch` for each id at once, each in its own transaction (an id may come twice). */
async function touchAll(opts: { userId: string; ids: string[] }): Promise<void> {
  await Promise.all(opts.ids.map((id) => touch({ userId: opts.userId, id })));
}

/** The ids of the `n` conversations with the newest activity, as stored (ties by id, as the list). */
async function newestIds(opts: { userId: string; n: number }): Promise<string[]> {
  const db = openLocalDb(opts.userId);
  const all = await db.conversations.toArray();
  db.close();
  all.sort(byLastActivity);
  return all.slice(0, opts.n).map((r) => r.id);
}

/**
 * The same write as `touch` into a twin of the local database (same schema, same rows) that no
 * part of the app watches: what the write costs on its own, the base `touchUntilFirst` is
 * compared with. (The app applies its own writes in the same task as their commit, so timing
 * the write in the watched database would count the list's work as the write's.)
 */
async function touchTwin(opts: { twinId: string; id: string }): Promise<number> {
  const t0 = performance.now();
  await touch({ userId: opts.twinId, id: opts.id });
  return performance.now() - t0;
}

const kit = { seed, touch, touchAll, newestIds, touchTwin, touchUntilFirst, readAll, scrollFrames, staticList, removeStaticList };
export type ListKit = typeof kit;
(globalThis as unknown as { __listKit: ListKit }).__listKit = kit;
