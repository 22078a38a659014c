import type { ChatDims } from "./chat-dims.ts";
import type { GroupBy, Win } from "./fact-queries.ts";
import { WindowPieces } from "./window-pieces.ts";
import { SEP } from "./units.ts";

/** Team, inbox and channel codes are 16-bit: packed into one number, a combination is a cheap map key. */
const U16 = 0x10000;

/** One grouping a report asks of memory: its windows, and what it groups by. */
export interface WindowGrouping<G extends GroupBy = GroupBy> {
  wins: readonly Win[];
  g: G;
}

/** The columns a grouping reads a row's group from: every in-memory table has them. */
export interface GroupedRows {
  chats: ChatDims;
  agent: Int32Array;
}

/** How a grouping reads a row's group: a column by row (agent) or by chat (team, inbox, channel, combo), with the names its codes stand for. */
interface GroupColumn {
  /** Always an Int32Array, so that a scan's reads of every grouping's column are of one kind (the chats' are 16-bit). Null: every row in one group. */
  column: Int32Array | null;
  byChat: boolean;
  /** The groups' names by code ([""] for the one group of "none"). */
  names: readonly string[];
}

/** The column a grouping reads. */
function groupColumn(t: GroupedRows, g: GroupBy): GroupColumn {
  const c = t.chats;
  const byChat = (column: Uint16Array, names: readonly string[]): GroupColumn => ({ column: Int32Array.from(column.subarray(0, c.length)), byChat: true, names });
  switch (g) {
    case "none":
      return { column: null, byChat: false, names: [""] };
    case "agent":
      return { column: t.agent, byChat: false, names: c.agents.values };
    case "team":
      return byChat(c.team, c.teams.values);
    case "inbox":
      return byChat(c.inbox, c.inboxes.values);
    case "channel":
      return byChat(c.channel, c.channels.values);
    case "combo":
      return comboColumn(c);
  }
}

/** Team, inbox and channel together, as the SQL's "combo" joins them: a code per combination that occurs. */
function comboColumn(c: ChatDims): GroupColumn {
  const byKey = new Map<number, number>();
  const names: string[] = [];
  const comboOf = new Int32Array(c.length);
  for (let k = 0; k < c.length; k++) {
    const key = (c.team[k]! * U16 + c.inbox[k]!) * U16 + c.channel[k]!;
    let code = byKey.get(key);
    if (code === undefined) {
      byKey.set(key, (code = names.length));
      names.push([c.teams.values[c.team[k]!], c.inboxes.values[c.inbox[k]!], c.channels.values[c.channel[k]!]].join(SEP));
    }
    comboOf[k] = code;
  }
  return { column: comboOf, byChat: true, names };
}

/**
 * Where the rows of a table count for several groupings at once: a slot per grouping, window and
 * group, numbered in that order. `pieces` are every grouping's windows in that order too, so one
 * lookup of a row's time gives the windows (`pieces.holders`) it counts in, and `slot` the slot
 * of each. A scan keeps its own sums per slot (or per slot and something of its own): the loop
 * over the rows stays the caller's, with nothing but array reads per row and window.
 */
export class GroupSlots {
  readonly pieces: WindowPieces;
  /** Slots in all. */
  readonly length: number;
  // Per window (in the pieces' order): its first slot, and how its grouping reads a row's group.
  private readonly winBase: Int32Array;
  private readonly winColumn: Array<Int32Array | null>;
  private readonly winByChat: Uint8Array;
  // Per slot: its grouping, window and group's name.
  private readonly slotGrouping: number[] = [];
  private readonly slotWin: Win[] = [];
  private readonly slotName: string[] = [];

  constructor(t: GroupedRows, groupings: readonly WindowGrouping[]) {
    const columns = groupings.map((q) => groupColumn(t, q.g));
    const winBase: number[] = [];
    const winColumn: Array<Int32Array | null> = [];
    const winByChat: number[] = [];
    groupings.forEach((q, k) => {
      const { column, byChat, names } = columns[k]!;
      for (const w of q.wins) {
        winBase.push(this.slotWin.length);
        winColumn.push(column);
        winByChat.push(byChat ? 1 : 0);
        for (const name of names) {
          this.slotGrouping.push(k);
          this.slotWin.push(w);
          this.slotName.push(name);
        }
      }
    });
    this.winBase = Int32Array.from(winBase);
    this.winColumn = winColumn;
    this.winByChat = Uint8Array.from(winByChat);
    this.length = this.slotWin.length;
    this.pieces = new WindowPieces(groupings.flatMap((q) => q.wins));
  }

  /** The slot that table row `row`, of chat `chat`, counts in for window `w` (one of its piece's holders). */
  slot(w: number, row: number, chat: number): number {
    const column = this.winColumn[w];
    return this.winBase[w]! + (column ? column[this.winByChat[w] ? chat : row]! : 0);
  }

  /** Index of the slot's grouping in the question. */
  grouping(slot: number): number {
    return this.slotGrouping[slot]!;
  }

  win(slot: number): Win {
    return this.slotWin[slot]!;
  }

  /** The slot's group ("" without a grouping column). */
  name(slot: number): string {
    return this.slotName[slot]!;
  }
}
