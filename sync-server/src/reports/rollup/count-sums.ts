import type { CountTable } from "./count-table.ts";
import type { CountRow, GroupBy, Win } from "./fact-queries.ts";
import { GroupSlots, type WindowGrouping } from "./group-slots.ts";
import { HOUR_MS, SEP } from "./units.ts";


/** One grouping of counts a report asks for: whole UTC hours only (the caller reads the rest from the facts). */
export type CountGrouping = WindowGrouping<Extract<GroupBy, "none" | "agent" | "combo">>;

/** Whether every window is whole UTC hours: the only windows the hour rows can answer. */
export const wholeHours = (wins: readonly Win[]): boolean => wins.every((w) => w.from % HOUR_MS === 0 && w.to % HOUR_MS === 0);

/**
 * What `countRows` (fact-queries.ts) reads from the hour sums, over the in-memory rows kept by
 * `keep`: per grouping, window, group, kind, metric and outcome the facts counted, and the detail
 * rows (started chats by channel, SLA outcomes by team and inbox). Windows must be whole hours.
 */
export function countSums(t: CountTable, keep: (i: number) => boolean, groupings: readonly CountGrouping[], sla: boolean): CountRow[][] {
  const whats = Math.max(t.whats.values.length, 1);
  const counted = Uint8Array.from(t.whatKind, (kind) => (kind === "count" || (sla && kind === "sla") ? 1 : 0));
  const isSla = t.whatKind.map((kind) => kind === "sla");
  // Detail rows are a few kinds of fact: each has its own index among them, -1 for the others.
  let detailedWhats = 0;
  const detailOf = Int32Array.from(t.whatKind, (kind, w) => (kind === "sla" || t.whatMetric[w] === "started" ? detailedWhats++ : -1));
  const slots = new GroupSlots(t, groupings);
  const pieces = slots.pieces;
  const sums = new Float64Array(slots.length * whats);
  const c = t.chats;
  // Details summed per slot, detailed what and key (a channel, or a team and inbox), in one dense array: a few thousand cells.
  const inboxes = Math.max(c.inboxes.values.length, 1);
  const keys = Math.max(c.channels.values.length, c.teams.values.length * inboxes, 1);
  const details = new Float64Array(slots.length * detailedWhats * keys);
  for (let i = 0; i < t.length; i++) {
    const what = t.what[i]!;
    if (!counted[what]) continue;
    const p = pieces.piece(t.hour[i]! * HOUR_MS);
    if (p < 0 || !keep(i)) continue;
    const n = t.n[i]!;
    const chat = t.conversation[i]!;
    const d = detailOf[what]!;
    const key = d < 0 ? 0 : isSla[what] ? c.team[chat]! * inboxes + c.inbox[chat]! : c.channel[chat]!;
    const holders = pieces.holders[p]!;
    for (let h = 0; h < holders.length; h++) {
      const slot = slots.slot(holders[h]!, i, chat);
      sums[slot * whats + what]! += n;
      if (d >= 0) details[(slot * detailedWhats + d) * keys + key]! += n;
    }
  }
  const out: CountRow[][] = groupings.map(() => []);
  const row = (slot: number, what: number, n: number, detail: { ch: string; team: string; inbox: string } | null): CountRow => ({
    i: slots.win(slot).i,
    g: slots.name(slot),
    kind: t.whatKind[what]!,
    metric: t.whatMetric[what]!,
    outcome: t.whatOutcome[what]!,
    ch: detail?.ch ?? "",
    team: detail?.team ?? "",
    inbox: detail?.inbox ?? "",
    n,
    detail: detail !== null,
  });
  for (let cell = 0; cell < sums.length; cell++) {
    if (sums[cell]! > 0) out[slots.grouping(Math.floor(cell / whats))]!.push(row(Math.floor(cell / whats), cell % whats, sums[cell]!, null));
  }
  for (let what = 0; what < whats; what++) {
    const d = detailOf[what]!;
    if (d < 0) continue;
    for (let slot = 0; slot < slots.length; slot++) {
      const base = (slot * detailedWhats + d) * keys;
      for (let key = 0; key < keys; key++) {
        const n = details[base + key]!;
        if (!n) continue;
        const detail = isSla[what] ? { ch: "", team: c.teams.values[Math.floor(key / inboxes)]!, inbox: c.inboxes.values[key % inboxes]! } : { ch: c.channels.values[key]!, team: "", inbox: "" };
        out[slots.grouping(slot)]!.push(row(slot, what, n, detail));
      }
    }
  }
  return out;
}

/** What `receivedPerSlot` reads from the hour sums: customer messages per UTC hour of a window of whole hours. */
export function receivedHours(t: CountTable, keep: (i: number) => boolean, win: Win): Array<{ slot: number; n: number }> {
  const received = t.whats.find(["count", "received", ""].join(SEP));
  const from = win.from / HOUR_MS;
  const sums = new Float64Array(Math.max(win.to / HOUR_MS - from, 0));
  if (received >= 0) {
    for (let i = 0; i < t.length; i++) {
      const h = t.hour[i]! - from;
      if (t.what[i] === received && h >= 0 && h < sums.length && keep(i)) sums[h]! += t.n[i]!;
    }
  }
  const out: Array<{ slot: number; n: number }> = [];
  sums.forEach((n, h) => {
    if (n > 0) out.push({ slot: from + h, n });
  });
  return out;
}
