import { ascendingOrder } from "./ascending-order.ts";
import { Codes, type ChatDims } from "./chat-dims.ts";
import type { ContactRow } from "./fact-queries.ts";
import { FactTable, type FactDims, type RowDims } from "./fact-table.ts";
import { groupedScan, type Grouping } from "./grouped-scan.ts";

/** One `contact` row of `report_facts`: the person wrote at `at`. */
export type ContactFact = FactDims & { personId: string | null };

const I32 = 0x7fffffff;

/**
 * A workspace's contact rows in memory, with each person's first contact in the workspace
 * (what makes them new or returning, whatever a report's filters: docs/REPORTS.md §2.2). A roll
 * that adds rows can only bring a first contact earlier; one that removes rows may move it
 * later, so the persons it touched are recomputed, all together by one scan when next read.
 */
export class ContactTable {
  /** The rows, the person's code as their value. */
  readonly rows: FactTable<"person">;
  readonly persons = new Codes(I32);
  private first = new Float64Array(0);
  private stale = new Uint8Array(0);
  private anyStale = false;

  constructor(chats: ChatDims) {
    this.rows = new FactTable(chats, ["person"]);
  }

  get length(): number {
    return this.rows.length;
  }

  bytes(): number {
    return this.rows.bytes() + this.first.byteLength + this.stale.byteLength;
  }

  add(rows: ReadonlyArray<RowDims & { personId: string | null }>): void {
    const coded = rows.map((r) => ({ ...r, person: r.personId === null ? null : this.persons.code(r.personId) }));
    this.reserve();
    // A row without a person makes the table inexact (FactTable.exact): memory then leaves contacts to SQL.
    for (const r of coded) if (r.person !== null && r.at < this.first[r.person]!) this.first[r.person] = r.at;
    this.rows.add(coded);
  }

  /** Removes every row of the chats flagged (by code); their persons' first contacts are recomputed on the next read. */
  remove(gone: Uint8Array): void {
    const person = this.rows.values.person;
    for (let i = 0; i < this.rows.length; i++) {
      if (gone[this.rows.conversation[i]!] !== 1) continue;
      this.stale[person[i]!] = 1;
      this.anyStale = true;
    }
    this.rows.remove(gone);
  }

  /** Each person's first contact by code (Infinity for a person with no row left). */
  firstContacts(): Float64Array {
    if (!this.anyStale) return this.first;
    for (let p = 0; p < this.stale.length; p++) if (this.stale[p]) this.first[p] = Number.POSITIVE_INFINITY;
    const person = this.rows.values.person;
    for (let i = 0; i < this.rows.length; i++) {
      const p = person[i]!;
      if (this.stale[p] && this.rows.at[i]! < this.first[p]!) this.first[p] = this.rows.at[i]!;
    }
    this.stale.fill(0);
    this.anyStale = false;
    return this.first;
  }

  /** Room for every person coded so far (new ones start with no contact). */
  private reserve(): void {
    const n = this.persons.values.length;
    if (n <= this.first.length) return;
    const size = Math.max(n, Math.ceil(this.first.length * 1.5), 1024);
    const first = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
    first.set(this.first);
    const stale = new Uint8Array(size);
    stale.set(this.stale);
    this.first = first;
    this.stale = stale;
  }
}

/**
 * `contactRows` (fact-queries.ts) over the in-memory rows, for several groupings in one scan:
 * per grouping, window and group, the distinct persons who wrote in it (rows `keep` keeps),
 * new when their first contact is in the window, else returning.
 */
export function contactSums(t: ContactTable, keep: (i: number) => boolean, groupings: readonly Grouping[]): ContactRow[][] {
  const first = t.firstContacts();
  const person = t.rows.values.person;
  const { n, kept, cells, stride, counts, bucket } = groupedScan(t.rows, keep, groupings, false);
  // By person, so that a person's rows come together and each bucket counts them once.
  const { values: persons, payload } = ascendingOrder(person, kept, n, cells, stride);
  const buckets = counts.length;
  const from = Float64Array.from({ length: buckets }, (_, b) => (counts[b] ? bucket(b).win.from : 0));
  // last[b] = the person b counted last.
  const last = new Int32Array(buckets).fill(-1);
  const people = new Int32Array(buckets);
  const fresh = new Int32Array(buckets);
  for (let j = 0; j < n; j++) {
    const p = persons[j]!;
    const base = j * stride;
    for (let h = 0; h < stride; h++) {
      const b = payload[base + h]!;
      if (b < 0) break;
      if (last[b] === p) continue;
      last[b] = p;
      people[b]!++;
      if (first[p]! >= from[b]!) fresh[b]!++;
    }
  }
  const out: ContactRow[][] = groupings.map(() => []);
  for (let b = 0; b < buckets; b++) {
    if (!counts[b]) continue;
    const { grouping, win, g } = bucket(b);
    out[grouping]!.push({ i: win.i, g, fresh: fresh[b]!, returned: people[b]! - fresh[b]! });
  }
  return out;
}
