/** Strings as small integer codes, per workspace (a team, inbox, channel, agent or chat id is compared as a number). */
export class Codes {
  private readonly byValue = new Map<string, number>();
  readonly values: string[] = [];

  constructor(private readonly max: number) {}

  code(value: string): number {
    let c = this.byValue.get(value);
    if (c === undefined) {
      c = this.values.length;
      // Past what the column holds the copy cannot be kept exact: the caller drops it and SQL answers.
      if (c > this.max) throw new RangeError(`more than ${this.max} distinct values in a report column`);
      this.byValue.set(value, c);
      this.values.push(value);
    }
    return c;
  }

  /** The code of a value, or -1 when no row has it. */
  find(value: string): number {
    return this.byValue.get(value) ?? -1;
  }
}

/** What every fact row is filtered and grouped by (the columns of `report_facts` the queries read). */
export interface FactDims {
  conversationId: string;
  metric: string;
  at: number;
  agentId: string;
  teamId: string;
  inboxId: string;
  channel: string;
  priority: string;
}

type Column = Float64Array | Int32Array | Uint16Array | Uint8Array;

const U16 = 0xffff;
const I32 = 0x7fffffff;

/**
 * One workspace's fact rows of one kind as typed-array columns: the dimensions as codes and the
 * kind's values `V` (durations: ms and business ms; unread pieces: until and delta) as doubles,
 * about 40 bytes a row. Rows are in no order: a report scans them all (a million in a couple of
 * milliseconds), so a roll appends and removes without keeping anything sorted.
 */
export class FactTable<V extends string> {
  readonly metrics = new Codes(0xff);
  readonly agents = new Codes(I32);
  readonly teams = new Codes(U16);
  readonly inboxes = new Codes(U16);
  readonly channels = new Codes(U16);
  readonly priorities = new Codes(0xff);
  readonly conversations = new Codes(I32);
  length = 0;
  /** False once a row had no value (never written so; SQL would order and band a NULL its own way): memory then declines to answer. */
  exact = true;
  at = new Float64Array(0);
  conversation = new Int32Array(0);
  agent = new Int32Array(0);
  team = new Uint16Array(0);
  inbox = new Uint16Array(0);
  channel = new Uint16Array(0);
  priority = new Uint8Array(0);
  metric = new Uint8Array(0);
  readonly values: Record<V, Float64Array>;

  constructor(private readonly valueNames: readonly V[]) {
    this.values = Object.fromEntries(valueNames.map((v) => [v, new Float64Array(0)])) as Record<V, Float64Array>;
  }

  add(rows: ReadonlyArray<FactDims & Record<V, number | null>>): void {
    this.reserve(this.length + rows.length);
    for (const r of rows) {
      const i = this.length++;
      this.at[i] = r.at;
      this.conversation[i] = this.conversations.code(r.conversationId);
      this.agent[i] = this.agents.code(r.agentId);
      this.team[i] = this.teams.code(r.teamId);
      this.inbox[i] = this.inboxes.code(r.inboxId);
      this.channel[i] = this.channels.code(r.channel);
      this.priority[i] = this.priorities.code(r.priority);
      this.metric[i] = this.metrics.code(r.metric);
      for (const v of this.valueNames) {
        const x = r[v];
        if (x === null) this.exact = false;
        this.values[v][i] = x ?? 0;
      }
    }
  }

  /** Removes every row of these conversations: the last row moves into each hole. */
  remove(conversationIds: readonly string[]): void {
    const gone = new Set(conversationIds.map((id) => this.conversations.find(id)).filter((c) => c >= 0));
    if (!gone.size) return;
    const columns = this.columns();
    for (let i = 0; i < this.length; ) {
      if (!gone.has(this.conversation[i]!)) {
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
    return [this.at, this.conversation, this.agent, this.team, this.inbox, this.channel, this.priority, this.metric, ...this.valueNames.map((v) => this.values[v])];
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
    this.team = grow(this.team, (s) => new Uint16Array(s));
    this.inbox = grow(this.inbox, (s) => new Uint16Array(s));
    this.channel = grow(this.channel, (s) => new Uint16Array(s));
    this.priority = grow(this.priority, (s) => new Uint8Array(s));
    this.metric = grow(this.metric, (s) => new Uint8Array(s));
    for (const v of this.valueNames) this.values[v] = grow(this.values[v], (s) => new Float64Array(s));
  }
}
