import { Codes, type ChatDims } from "./chat-dims.ts";
import type { FactDims } from "./fact-table.ts";
import { HOUR_MS, SEP } from "./units.ts";

/** One `count` or `sla` row of `report_facts`, as the roller writes it. */
export type CountFact = FactDims & { kind: string; outcome: string };

/** Rows as the table takes them: `n` facts of one chat (by code), UTC hour, agent, kind, metric and outcome. */
export interface CountRowIn {
  conversation: number;
  hour: number;
  agentId: string;
  kind: string;
  metric: string;
  outcome: string;
  n: number;
}

/**
 * A workspace's count and SLA rows in memory, summed per chat, UTC hour, agent and what they
 * count (kind, metric, outcome): the hour sums of `report_hours` kept per chat, so that a roll
 * replaces a chat's rows as it does in the other tables. Memory answers the whole hours of a
 * report's windows from them; the ends of a window (a period ending now) are the facts', read by
 * SQL. 17 bytes a row.
 */
export class CountTable {
  /** What a row counts: kind, metric and outcome joined. */
  readonly whats = new Codes(0xff);
  readonly whatKind: string[] = [];
  readonly whatMetric: string[] = [];
  readonly whatOutcome: string[] = [];
  length = 0;
  hour = new Int32Array(0);
  conversation = new Int32Array(0);
  agent = new Int32Array(0);
  what = new Uint8Array(0);
  n = new Int32Array(0);

  constructor(readonly chats: ChatDims) {}

  add(rows: readonly CountRowIn[]): void {
    this.reserve(this.length + rows.length);
    const agents = this.chats.agents;
    for (const r of rows) {
      const i = this.length++;
      this.hour[i] = r.hour;
      this.conversation[i] = r.conversation;
      this.agent[i] = agents.code(r.agentId);
      this.what[i] = this.whatCode(r.kind, r.metric, r.outcome);
      this.n[i] = r.n;
    }
  }

  /** A roll's facts (one row each) summed per chat, hour, agent and what, then added. */
  addFacts(facts: ReadonlyArray<CountFact & { conversation: number }>): void {
    const sums = new Map<string, CountRowIn>();
    for (const f of facts) {
      const hour = Math.floor(f.at / HOUR_MS);
      const key = [f.conversation, hour, f.agentId, f.kind, f.metric, f.outcome].join(SEP);
      const row = sums.get(key);
      if (row) row.n++;
      else sums.set(key, { conversation: f.conversation, hour, agentId: f.agentId, kind: f.kind, metric: f.metric, outcome: f.outcome, n: 1 });
    }
    this.add([...sums.values()]);
  }

  /** Removes every row of the chats flagged (by code): the last row moves into each hole. */
  remove(gone: Uint8Array): void {
    for (let i = 0; i < this.length; ) {
      if (gone[this.conversation[i]!] !== 1) {
        i++;
        continue;
      }
      const last = --this.length;
      this.hour[i] = this.hour[last]!;
      this.conversation[i] = this.conversation[last]!;
      this.agent[i] = this.agent[last]!;
      this.what[i] = this.what[last]!;
      this.n[i] = this.n[last]!;
    }
  }

  /** The facts the rows sum. */
  facts(): number {
    let sum = 0;
    for (let i = 0; i < this.length; i++) sum += this.n[i]!;
    return sum;
  }

  bytes(): number {
    return this.hour.byteLength + this.conversation.byteLength + this.agent.byteLength + this.what.byteLength + this.n.byteLength;
  }

  private whatCode(kind: string, metric: string, outcome: string): number {
    const before = this.whats.values.length;
    const code = this.whats.code([kind, metric, outcome].join(SEP));
    if (code === before) {
      this.whatKind.push(kind);
      this.whatMetric.push(metric);
      this.whatOutcome.push(outcome);
    }
    return code;
  }

  private reserve(n: number): void {
    if (n <= this.hour.length) return;
    const size = Math.max(n, Math.ceil(this.hour.length * 1.5), 1024);
    const grow = <T extends Int32Array | Uint8Array>(old: T, next: T): T => {
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.hour = grow(this.hour, new Int32Array(size));
    this.conversation = grow(this.conversation, new Int32Array(size));
    this.agent = grow(this.agent, new Int32Array(size));
    this.what = grow(this.what, new Uint8Array(size));
    this.n = grow(this.n, new Int32Array(size));
  }
}
