import { Codes, type ChatDims, type ChatFacts } from "./chat-dims.ts";

/** What every fact row is filtered and grouped by (the columns of `report_facts` the queries read), as the roller writes it. */
export interface FactDims extends ChatFacts {
  conversationId: string;
  metric: string;
  at: number;
  agentId: string;
}

/** A fact row as a table takes it: its chat by code (ChatDims holds the chat's team, inbox, channel and priority), and what is its own. */
export interface RowDims {
  conversation: number;
  metric: string;
  at: number;
  agentId: string;
}

type Column = Float64Array | Int32Array | Uint8Array;

/**
 * One workspace's fact rows of one kind as typed-array columns: the time, the chat and agent as
 * codes shared by the workspace's tables (ChatDims), the metric, and the kind's values `V`
 * (durations: ms and business ms; unread pieces: until and delta) as doubles, 17 bytes a row
 * plus 8 a value. Rows are in no order: a report scans them all (a million in a couple of
 * milliseconds), so a roll appends and removes without keeping anything sorted.
 */
export class FactTable<V extends string> {
  readonly metrics = new Codes(0xff);
  length = 0;
  /** False once a row had no value (never written so; SQL would order and band a NULL its own way): memory then declines to answer. */
  exact = true;
  at = new Float64Array(0);
  conversation = new Int32Array(0);
  agent = new Int32Array(0);
  metric = new Uint8Array(0);
  readonly values: Record<V, Float64Array>;

  constructor(
    readonly chats: ChatDims,
    private readonly valueNames: readonly V[],
  ) {
    this.values = Object.fromEntries(valueNames.map((v) => [v, new Float64Array(0)])) as Record<V, Float64Array>;
  }

  add(rows: ReadonlyArray<RowDims & Record<V, number | null>>): void {
    this.reserve(this.length + rows.length);
    const agents = this.chats.agents;
    for (const r of rows) {
      const i = this.length++;
      this.at[i] = r.at;
      this.conversation[i] = r.conversation;
      this.agent[i] = agents.code(r.agentId);
      this.metric[i] = this.metrics.code(r.metric);
      for (const v of this.valueNames) {
        const x = r[v];
        if (x === null) this.exact = false;
        this.values[v][i] = x ?? 0;
      }
    }
  }

  /** Removes every row of the chats flagged (by code): the last row moves into each hole. */
  remove(gone: Uint8Array): void {
    const columns = this.columns();
    for (let i = 0; i < this.length; ) {
      if (gone[this.conversation[i]!] !== 1) {
        i++;
        continue;
      }
      const last = --this.length;
      for (const col of columns) col[i] = col[last]!;
    }
  }

  /** Bytes the columns take (their capacity, with room to grow). */
  bytes(): number {
    return this.columns().reduce((sum, col) => sum + col.byteLength, 0);
  }

  private columns(): Column[] {
    return [this.at, this.conversation, this.agent, this.metric, ...this.valueNames.map((v) => this.values[v])];
  }

  private reserve(n: number): void {
    if (n <= this.at.length) return;
    const size = Math.max(n, Math.ceil(this.at.length * 1.5), 1024);
    const grow = <T extends Column>(old: T, make: (size: number) => T): T => {
      const next = make(size);
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.at = grow(this.at, (s) => new Float64Array(s));
    this.conversation = grow(this.conversation, (s) => new Int32Array(s));
    this.agent = grow(this.agent, (s) => new Int32Array(s));
    this.metric = grow(this.metric, (s) => new Uint8Array(s));
    for (const v of this.valueNames) this.values[v] = grow(this.values[v], (s) => new Float64Array(s));
  }
}
