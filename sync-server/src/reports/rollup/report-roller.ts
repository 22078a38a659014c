import type { Writes } from "../../db/record.ts";
import { LoopJob, PollingLoop } from "../../scheduling/polling-loop.ts";
import type { ReportMemory } from "./report-memory.ts";
import { markNewEvents } from "./mark-new-events.ts";
import { rollDirtyConversations, ROLL_BATCH } from "./roll-conversations.ts";
import { scratch } from "./scratch.ts";

/**
 * The scheduled job that keeps report facts current: each pass marks what new events made out of
 * date, then rolls `ROLL_BATCH` conversations, until nothing is left. Reports also call `catchUp` before answering, so a figure never misses what
 * was written a moment ago; the timer keeps the backlog short for them.
 */
/** How long a marked chat waits for the timer (a report rolls it at once). */
const SETTLE_MS = 10_000;

export class ReportRoller extends LoopJob {
  protected readonly loop: PollingLoop;

  /**
   * @param memory the in-memory report columns this process's reports read (Node); the roller
   * patches them after each commit, so it must be the only roller of the database.
   */
  constructor(
    private readonly core: Writes,
    intervalMs = 2_000,
    readonly memory: ReportMemory | null = null,
  ) {
    super();
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 1_000, tick: () => this.rollAll(), failure: "could not roll report figures" });
  }

  /**
   * Due again at once while a pass left work, else only on new events. Chats still settling do
   * not ask for a wake-up of their own: a report catches them up before it reads, so waking a
   * Worker only to roll them early would buy nothing.
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    const done = await this.loop.exclusive(() => this.rollAll());
    return done ? null : now;
  }

  /**
   * Rolls until nothing is marked or `maxPasses` passes ran; true when nothing is left. Passes
   * queue behind the timer's, so two never roll the same chat at once in this process.
   */
  catchUp(maxPasses = 20): Promise<boolean> {
    return this.loop.exclusive(() => this.rollAll(maxPasses, false));
  }

  /**
   * The timer's passes roll only chats first marked SETTLE_MS ago or more: a conversation in a
   * burst of messages is replayed once for the burst, not once per message (every roll replays
   * a whole conversation). A report's catch-up rolls everything marked.
   */
  private async rollAll(maxPasses = Number.POSITIVE_INFINITY, settle = true): Promise<boolean> {
    // The roller's passes come every few seconds on any server: reports' idle arrays go with them.
    scratch.releaseIfIdle();
    for (let pass = 0; pass < maxPasses; pass++) {
      const marked = await markNewEvents(this.core);
      const before = settle ? this.core.now() - SETTLE_MS : Number.POSITIVE_INFINITY;
      if ((await rollDirtyConversations(this.core, ROLL_BATCH, before, this.memory)) < ROLL_BATCH && marked) return true;
    }
    return false;
  }
}
