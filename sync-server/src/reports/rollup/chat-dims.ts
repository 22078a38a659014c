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

/** What a fact row says of its conversation: the same on every row of it (below). */
export interface ChatFacts {
  teamId: string;
  inboxId: string;
  channel: string;
  priority: string;
}

const U16 = 0xffff;
const I32 = 0x7fffffff;

/**
 * The codes every in-memory table of a workspace shares: its chats with their team, inbox,
 * channel and priority, and its agents. A roll writes all of a conversation's rows at once with
 * the team, inbox, channel and priority the conversation has then (roll-conversations.ts), so
 * they are the conversation's, kept once per chat instead of once per row: rows carry only the
 * chat's code, and a filter or grouping by team looks the chat up.
 */
export class ChatDims {
  readonly conversations = new Codes(I32);
  readonly agents = new Codes(I32);
  readonly teams = new Codes(U16);
  readonly inboxes = new Codes(U16);
  readonly channels = new Codes(U16);
  readonly priorities = new Codes(0xff);
  team = new Uint16Array(0);
  inbox = new Uint16Array(0);
  channel = new Uint16Array(0);
  priority = new Uint8Array(0);

  get length(): number {
    return this.conversations.values.length;
  }

  /** The chat's code, its facts now these (a roll may have moved it to another team). */
  set(conversationId: string, facts: ChatFacts): number {
    const c = this.conversations.code(conversationId);
    this.reserve(c + 1);
    this.team[c] = this.teams.code(facts.teamId);
    this.inbox[c] = this.inboxes.code(facts.inboxId);
    this.channel[c] = this.channels.code(facts.channel);
    this.priority[c] = this.priorities.code(facts.priority);
    return c;
  }

  /** Flags by chat code for these conversations (null when none has a code: no row of them is held). */
  flags(conversationIds: Iterable<string>): Uint8Array | null {
    let out: Uint8Array | null = null;
    for (const id of conversationIds) {
      const c = this.conversations.find(id);
      if (c < 0) continue;
      out ??= new Uint8Array(this.length);
      out[c] = 1;
    }
    return out;
  }

  bytes(): number {
    return this.team.byteLength + this.inbox.byteLength + this.channel.byteLength + this.priority.byteLength;
  }

  private reserve(n: number): void {
    if (n <= this.team.length) return;
    const size = Math.max(n, Math.ceil(this.team.length * 1.5), 1024);
    const grow = <T extends Uint16Array | Uint8Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.team = grow(this.team, new Uint16Array(size));
    this.inbox = grow(this.inbox, new Uint16Array(size));
    this.channel = grow(this.channel, new Uint16Array(size));
    this.priority = grow(this.priority, new Uint8Array(size));
  }
}
