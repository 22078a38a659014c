import type { UnreadRow, Win } from "./fact-queries.ts";
import type { FactTable } from "./fact-table.ts";
import { SEP } from "./units.ts";

export type UnreadTable = FactTable<"until" | "delta">;

/** Team, inbox and channel codes are 16-bit: packed into one number, a combination is a cheap map key. */
const U16 = 0x10000;

/**
 * `unreadRows` (fact-queries.ts, grouped by team, inbox and channel together) over the
 * in-memory pieces kept by `keep`: what was awaiting read at `before` (i = -1, pieces with
 * at < before ≤ until), and per window what began in it less what ended in it.
 */
export function unreadSums(t: UnreadTable, keep: (i: number) => boolean, before: number, wins: readonly Win[]): UnreadRow[] {
  const { until, delta } = t.values;
  const chats = t.chats;
  // Per combination, a sum per slot: slot 0 is "alive at before", slot k + 1 the window wins[k].
  const sums = new Map<number, Float64Array>();
  const from = Math.min(...wins.map((w) => w.from));
  const to = Math.max(...wins.map((w) => w.to));
  for (let i = 0; i < t.length; i++) {
    const at = t.at[i]!;
    const end = until[i]!;
    const alive = at < before && end >= before;
    // Most pieces began and ended outside the period: skipped before anything else is looked at.
    if (!(alive || (at >= from && at < to) || (end >= from && end < to)) || !keep(i)) continue;
    const c = t.conversation[i]!;
    const combo = (chats.team[c]! * U16 + chats.inbox[c]!) * U16 + chats.channel[c]!;
    let slots = sums.get(combo);
    if (!slots) sums.set(combo, (slots = new Float64Array(wins.length + 1)));
    const n = delta[i]!;
    if (alive) slots[0]! += n;
    for (let k = 0; k < wins.length; k++) {
      const w = wins[k]!;
      if (at >= w.from && at < w.to) slots[k + 1]! += n;
      if (end >= w.from && end < w.to) slots[k + 1]! -= n;
    }
  }
  const out: UnreadRow[] = [];
  for (const [combo, slots] of sums) {
    const g = [chats.teams.values[Math.floor(combo / U16 / U16)], chats.inboxes.values[Math.floor(combo / U16) % U16], chats.channels.values[combo % U16]].join(SEP);
    slots.forEach((n, slot) => {
      if (n !== 0) out.push({ i: slot === 0 ? -1 : wins[slot - 1]!.i, g, n });
    });
  }
  return out;
}
