import { sql, type SQL } from "drizzle-orm";
import type { Reads } from "../../db/record.ts";
import { ChatDims } from "./chat-dims.ts";
import { chatFilter, rowFilter, type ChatRows } from "./column-filter.ts";
import { ContactTable, contactSums } from "./contact-stats.ts";
import { countSums, receivedHours, wholeHours } from "./count-sums.ts";
import { CountTable } from "./count-table.ts";
import { durationTimeRows, type DurationTable } from "./duration-stats.ts";
import type { FactScope } from "./fact-queries.ts";
import { FactTable, type FactDims } from "./fact-table.ts";
import { loadPages, type PageChat } from "./load-facts.ts";
import type { MemoryAnswer, MemoryQuestion, MemoryRows } from "./report-memory.ts";
import { unreadSums, type UnreadTable } from "./unread-sums.ts";

type Row<T extends unknown[]> = [conversationId: string, metric: string, at: number, agentId: string, ...values: T];
type CountLoadRow = [conversationId: string, hour: number, agentId: string, metric: string, outcome: string, n: number];

/**
 * One workspace's report rows in memory: durations, unread pieces, contacts and the count and
 * SLA hour sums, over the chats and agents they share (ChatDims). It answers a report's
 * question from one moment of them, and takes a roll's rows as the table's.
 */
export class WorkspaceCopy {
  readonly chats = new ChatDims();
  readonly durations: DurationTable = new FactTable(this.chats, ["ms", "businessMs"]);
  readonly unread: UnreadTable = new FactTable(this.chats, ["until", "delta"]);
  readonly contacts = new ContactTable(this.chats);
  readonly counts = new CountTable(this.chats);

  /** Reads the workspace's rows from `report_facts`, a page at a time. Throws RangeError past what the columns hold. */
  async load(core: Reads, workspaceId: string, pageRows: number): Promise<void> {
    const page = <T extends unknown[]>(kind: string, values: SQL, take: (rows: Array<Row<T>>, code: (id: string) => number) => void) =>
      loadPages<Row<T>>(core, workspaceId, { kind, row: sql`conversation_id, metric, at, agent_id, ${values}` }, pageRows, (rows, chats) => take(rows, this.chatsOf(chats)));
    await page<[number | null, number | null]>("duration", sql`ms, business_ms`, (rows, code) =>
      this.durations.add(rows.map(([id, metric, at, agentId, ms, businessMs]) => ({ conversation: code(id), metric, at, agentId, ms, businessMs }))),
    );
    await page<[number | null, number | null]>("unread", sql`until, delta`, (rows, code) =>
      this.unread.add(rows.map(([id, metric, at, agentId, until, delta]) => ({ conversation: code(id), metric, at, agentId, until, delta }))),
    );
    await page<[string | null]>("contact", sql`person_id`, (rows, code) => this.contacts.add(rows.map(([id, metric, at, agentId, personId]) => ({ conversation: code(id), metric, at, agentId, personId }))));
    for (const kind of ["count", "sla"]) {
      const rows = sql`SELECT conversation_id, at / 3600000 AS hour, agent_id, metric, outcome, COUNT(*) AS c FROM p GROUP BY 1, 2, 3, 4, 5`;
      await loadPages<CountLoadRow>(core, workspaceId, { kind, rows, row: sql`conversation_id, hour, agent_id, metric, outcome, c` }, pageRows, (page, chats) => {
        const code = this.chatsOf(chats);
        this.counts.add(page.map(([id, hour, agentId, metric, outcome, n]) => ({ conversation: code(id), hour, agentId, kind, metric, outcome, n })));
      });
    }
  }

  /** The conversations' rows are now these (a roll committed them). Throws RangeError past what the columns hold. */
  apply(conversationIds: readonly string[], rows: MemoryRows): void {
    const gone = this.chats.flags(conversationIds);
    if (gone) {
      this.durations.remove(gone);
      this.unread.remove(gone);
      this.contacts.remove(gone);
      this.counts.remove(gone);
    }
    // Each chat's team, inbox, channel and priority as this roll wrote them (the same on all its rows).
    const codes = new Map<string, number>();
    const code = (r: FactDims): number => {
      let c = codes.get(r.conversationId);
      if (c === undefined) codes.set(r.conversationId, (c = this.chats.set(r.conversationId, r)));
      return c;
    };
    const dims = (r: FactDims) => ({ conversation: code(r), metric: r.metric, at: r.at, agentId: r.agentId });
    this.durations.add(rows.durations.map((r) => ({ ...dims(r), ms: r.ms, businessMs: r.businessMs })));
    this.unread.add(rows.unread.map((r) => ({ ...dims(r), until: r.until, delta: r.delta })));
    this.contacts.add(rows.contacts.map((r) => ({ ...dims(r), personId: r.personId })));
    this.counts.addFacts(rows.counts.map((r) => ({ ...r, conversation: code(r) })));
  }

  /** The question's parts, from the rows the scope and the label filter keep; a part memory cannot give is null. */
  answer(scope: FactScope, labelled: ReadonlySet<string> | null, q: MemoryQuestion): MemoryAnswer {
    const filter = chatFilter(this.chats, scope, labelled);
    const keep = (t: ChatRows) => rowFilter(t, filter);
    // A table with a row SQL would read its own way (FactTable.exact) leaves its part to SQL.
    const exact = <T>(t: { exact: boolean }, part: () => T): T | null => (t.exact ? part() : null);
    const { durations, contacts, unread, counts } = this;
    const u = q.unread;
    const c = q.counts;
    const r = q.received;
    return {
      durations: q.durations.length ? exact(durations, () => durationTimeRows(durations, keep(durations), q.durations, q.business)) : [],
      contacts: q.contacts.length ? exact(contacts.rows, () => contactSums(contacts, keep(contacts.rows), q.contacts)) : [],
      unread: u ? exact(unread, () => unreadSums(unread, keep(unread), u.before, u.wins)) : [],
      // Hour rows answer whole hours only (the caller reads the ends of its windows from the facts).
      counts: c ? (c.groupings.every((g) => wholeHours(g.wins)) ? countSums(counts, keep(counts), c.groupings, c.sla) : null) : [],
      received: r ? (wholeHours([r]) ? receivedHours(counts, keep(counts), r) : null) : [],
    };
  }

  /** Rows held: counts as the facts their hour rows sum (`hourRows` of them). */
  size(): { durations: number; unread: number; contacts: number; counts: number; hourRows: number } {
    return { durations: this.durations.length, unread: this.unread.length, contacts: this.contacts.length, counts: this.counts.facts(), hourRows: this.counts.length };
  }

  bytes(): number {
    return this.chats.bytes() + this.durations.bytes() + this.unread.bytes() + this.contacts.bytes() + this.counts.bytes();
  }

  /** Takes a page's chats; their codes by id. */
  private chatsOf(chats: readonly PageChat[]): (id: string) => number {
    const codes = new Map<string, number>();
    for (const [id, teamId, inboxId, channel, priority] of chats) codes.set(id, this.chats.set(id, { teamId, inboxId, channel, priority }));
    return (id) => {
      const c = codes.get(id);
      if (c === undefined) throw new Error(`report load: chat ${id} missing from its page`);
      return c;
    };
  }
}
