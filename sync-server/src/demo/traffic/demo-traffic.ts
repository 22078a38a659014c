import { and, count, eq, ne, or } from "drizzle-orm";
import { SIMULATOR_BASE } from "../../channels/index.ts";
import type { Reads } from "../../db/record.ts";
import { contactIdentities, conversations, inboxes } from "../../db/schema.ts";
import type { Simulator } from "../../simulator/index.ts";
import { answerAction, externalIdFor, nudgeLine, thanksLine, writeScript, type CustomerScript } from "./customer-script.ts";
import { platformLine, webchatLine, type CustomerLine } from "./customer-channels.ts";
import { SeededRandom } from "./rng.ts";

/** How busy the demo's customers are. The defaults are a lively but human pace. */
/** How long a platform customer's first message may take to become a chat before it no longer counts as one. */
const UNCONFIRMED_FOR_MS = 60_000;

export interface DemoTrafficOptions {
  /** Same seed, same customers, channels, lines and delays (DEMO_TRAFFIC_SEED). */
  seed: number;
  /** No new chats while the demo workspace has this many unresolved ones (DEMO_TRAFFIC_MAX_OPEN). */
  maxOpen: number;
  /** A new chat about this often, give or take half. */
  newChatEveryMs: number;
  /** A customer answers an agent this long after the answer reached them (reading, typing). */
  replyAfterMs: readonly [number, number];
  /** Unanswered this long, a customer nudges (or, out of patience, goes quiet). */
  nudgeAfterMs: number;
  /** How often a waiting customer looks for an answer. */
  replyCheckMs: number;
  /** How often the generator wakes up. */
  tickMs: number;
}

export const DEMO_TRAFFIC_DEFAULTS: DemoTrafficOptions = {
  seed: 1,
  maxOpen: 40,
  newChatEveryMs: 8_000,
  replyAfterMs: [4_000, 20_000],
  nudgeAfterMs: 90_000,
  replyCheckMs: 2_000,
  tickMs: 500,
};

/** What the generator needs: the record (to find the demo's inboxes and count open chats) and the server. */
export interface DemoTrafficDeps extends Reads {
  now(): number;
  endpoints: { selfUrl: string };
}

export interface DemoTrafficStats {
  /** New chats started, by channel. */
  opened: Record<string, number>;
  messages: number;
  answered: number;
  nudges: number;
  /** Customers who stopped answering, and who said thanks and left. */
  quiet: number;
  thanked: number;
  /** New chats not started because the workspace had `maxOpen` unresolved ones. */
  heldBack: number;
  errors: number;
  active: number;
  /** The latest customers who started a chat, oldest first (at most 100). */
  recent: { channel: string; name: string }[];
}

interface Customer {
  channel: string;
  script: CustomerScript;
  rng: SeededRandom;
  line: CustomerLine;
  /** Waiting for an agent since (server clock), or answering at `dueAt`. */
  phase: "waiting" | "answering";
  waitingSince: number;
  lastSentAt: number;
  lastCheckAt: number;
  dueAt: number;
  answers: number;
  nudges: number;
}

/**
 * Why demo traffic cannot run with these settings, or null: it plays customers of the demo
 * workspace through the simulator, so it needs both; a real deployment never has either.
 */
export function demoTrafficRefusal(o: { demo: boolean; simulator: boolean }): string | null {
  if (o.demo && o.simulator) return null;
  return "DEMO_TRAFFIC needs the demo: it plays customers of the demo workspace through the channel simulator. Turn on SEED_DEMO=true and ENABLE_SIMULATOR=true (`npm start` does), or unset DEMO_TRAFFIC.";
}

/**
 * The demo's customers, on every channel of the demo workspace, at a human pace: new chats with
 * jitter, answers to agents after a while, nudges when nobody answers, some who go quiet and
 * some who say thanks and leave; now and then a photo, a voice note, a location or a tapped
 * button. Every message goes in as a platform would send it (signed webhooks through the
 * simulator, the widget API for web chat), never as rows. Bounded: no new chats above
 * `maxOpen` unresolved ones, and each customer says only a few things.
 */
export class DemoTraffic {
  private readonly options: DemoTrafficOptions;
  private readonly plan: SeededRandom;
  private readonly customers = new Set<Customer>();
  private readonly recent: DemoTrafficStats["recent"] = [];
  /** Platform customers whose first webhook is not yet a conversation (by inbox and external id). */
  private readonly unconfirmed = new Map<string, { inboxId: string; externalId: string; since: number }>();
  private readonly counters: Omit<DemoTrafficStats, "active" | "recent"> = { opened: {}, messages: 0, answered: 0, nudges: 0, quiet: 0, thanked: 0, heldBack: 0, errors: 0 };
  private inboxesByChannel = new Map<string, string[]>();
  private rotation: string[] = [];
  private started = 0;
  private nextChatAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly deps: DemoTrafficDeps,
    private readonly simulator: Simulator,
    private readonly workspaceId: string,
    options: Partial<DemoTrafficOptions> = {},
  ) {
    this.options = { ...DEMO_TRAFFIC_DEFAULTS, ...options };
    this.plan = new SeededRandom(this.options.seed);
  }

  get settings(): Readonly<DemoTrafficOptions> {
    return this.options;
  }

  /** The channels it plays, once started. */
  channels(): string[] {
    return [...this.inboxesByChannel.keys()].sort();
  }

  stats(): DemoTrafficStats {
    return { ...this.counters, opened: { ...this.counters.opened }, active: this.customers.size, recent: [...this.recent] };
  }

  async start(): Promise<void> {
    const rows = await this.deps.db.select({ id: inboxes.id, channel: inboxes.channel, settings: inboxes.settings }).from(inboxes).where(and(eq(inboxes.workspaceId, this.workspaceId), eq(inboxes.status, "active")));
    const playable = this.simulator.channels();
    for (const row of rows) {
      // Web chat through its public API; platforms only where the inbox is wired to the simulator.
      if (row.channel !== "webchat" && (row.settings.apiBaseUrl !== SIMULATOR_BASE || !playable.includes(row.channel))) continue;
      this.inboxesByChannel.set(row.channel, [...(this.inboxesByChannel.get(row.channel) ?? []), row.id]);
    }
    if (this.inboxesByChannel.size === 0) throw new Error("Demo traffic found no web chat or simulated inbox in the demo workspace.");
    this.nextChatAt = this.deps.now();
    this.schedule();
  }

  /** Stops; resolves when what it was doing has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((err: unknown) => this.failed(err))
        .finally(() => this.schedule());
    }, this.options.tickMs);
  }

  private async tick(): Promise<void> {
    const now = this.deps.now();
    if (now >= this.nextChatAt) {
      this.nextChatAt = now + this.plan.jitter(this.options.newChatEveryMs);
      if (this.customers.size < this.options.maxOpen && (await this.openChats()) < this.options.maxOpen) await this.newCustomer();
      else this.counters.heldBack++;
    }
    for (const customer of [...this.customers]) {
      if (this.stopped) return;
      try {
        await this.step(customer, this.deps.now());
      } catch (err) {
        this.customers.delete(customer);
        this.failed(err);
      }
    }
  }

  /**
   * Unresolved chats, counting those whose first message is still a webhook waiting to be
   * processed (stored and acknowledged, not yet a conversation): without them a busy server lets
   * more chats open than the limit.
   */
  private async openChats(): Promise<number> {
    // A webhook that failed for good never becomes a chat: it stops counting after a while.
    for (const [key, u] of this.unconfirmed) if (this.deps.now() - u.since > UNCONFIRMED_FOR_MS) this.unconfirmed.delete(key);
    // Confirmed means a conversation exists, not just the contact (ingest creates the contact
    // first, so a chat is briefly a contact without a conversation); and confirming goes before
    // the count, so a chat that appears in between is counted twice rather than not at all.
    if (this.unconfirmed.size) {
      const known = await this.deps.db
        .select({ inboxId: contactIdentities.inboxId, externalId: contactIdentities.externalId })
        .from(contactIdentities)
        .innerJoin(conversations, and(eq(conversations.contactId, contactIdentities.contactId), eq(conversations.inboxId, contactIdentities.inboxId)))
        .where(or(...[...this.unconfirmed.values()].map((u) => and(eq(contactIdentities.inboxId, u.inboxId), eq(contactIdentities.externalId, u.externalId)))));
      for (const k of known) this.unconfirmed.delete(`${k.inboxId}\u0000${k.externalId}`);
    }
    const [row] = await this.deps.db
      .select({ n: count() })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, this.workspaceId), ne(conversations.status, "resolved")));
    return (row?.n ?? 0) + this.unconfirmed.size;
  }

  /** Each round of new chats visits every channel once, in a seeded order. */
  private nextChannel(): string {
    if (this.rotation.length === 0) this.rotation = this.plan.shuffle(this.channels());
    return this.rotation.shift()!;
  }

  private async newCustomer(): Promise<void> {
    const channel = this.nextChannel();
    const inboxId = this.plan.pick(this.inboxesByChannel.get(channel)!);
    // Each customer draws from their own sequence: what agents do cannot change who comes next.
    const rng = new SeededRandom(this.options.seed * 1_000_003 + ++this.started);
    const script = writeScript(rng, channel !== "webchat", channel !== "webchat" && channel !== "wechat");
    const who = { name: script.name, externalId: externalIdFor(channel, rng) };
    const line = channel === "webchat" ? await webchatLine(this.deps.endpoints.selfUrl, inboxId, who) : platformLine(this.simulator, inboxId, who);
    const now = this.deps.now();
    const customer: Customer = { channel, script, rng, line, phase: "waiting", waitingSince: now, lastSentAt: now, lastCheckAt: now, dueAt: 0, answers: 0, nudges: 0 };
    if (channel !== "webchat") this.unconfirmed.set(`${inboxId}\u0000${who.externalId}`, { inboxId, externalId: who.externalId, since: this.deps.now() });
    for (const text of script.opening) await this.say(customer, { kind: "text", text });
    this.counters.opened[channel] = (this.counters.opened[channel] ?? 0) + 1;
    this.recent.push({ channel, name: who.name });
    if (this.recent.length > 100) this.recent.shift();
    this.customers.add(customer);
  }

  private async step(c: Customer, now: number): Promise<void> {
    if (c.phase === "answering") {
      if (now < c.dueAt) return;
      if (c.answers >= c.script.quietAfter) return this.leave(c, "quiet");
      if (c.answers >= c.script.thanksAfter) {
        await this.say(c, { kind: "text", text: thanksLine(c.rng) });
        return this.leave(c, "thanked");
      }
      await this.say(c, answerAction(c.rng, c.script, c.answers));
      c.answers++;
      this.counters.answered++;
      c.phase = "waiting";
      c.waitingSince = c.lastSentAt;
      return;
    }
    if (now - c.lastCheckAt < this.options.replyCheckMs) return;
    c.lastCheckAt = now;
    if (await c.line.agentRepliedSince(c.waitingSince)) {
      const [min, max] = this.options.replyAfterMs;
      c.phase = "answering";
      c.dueAt = now + c.rng.int(min, max);
      return;
    }
    if (now - c.lastSentAt < this.options.nudgeAfterMs) return;
    if (c.nudges >= c.script.maxNudges) return this.leave(c, "quiet");
    c.nudges++;
    this.counters.nudges++;
    await this.say(c, { kind: "text", text: nudgeLine(c.rng) });
  }

  private async say(c: Customer, action: Parameters<CustomerLine["send"]>[0]): Promise<void> {
    await c.line.send(action);
    c.lastSentAt = this.deps.now();
    this.counters.messages++;
  }

  private leave(c: Customer, why: "quiet" | "thanked"): void {
    this.customers.delete(c);
    this.counters[why]++;
  }

  /** A failed customer is dropped; the demo goes on. A few errors are logged, then one in a hundred. */
  private failed(err: unknown): void {
    const n = ++this.counters.errors;
    if (n <= 3 || n % 100 === 0) console.warn(`Demo traffic (error ${n}): ${err instanceof Error ? err.message : String(err)}`);
  }
}
