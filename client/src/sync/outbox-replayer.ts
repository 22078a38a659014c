/**
 * Sends the outbox to the server, in order, exactly once. No DOM and no Dexie here: the
 * storage, the transport and the clock are injected, so the ordering and failure rules are
 * unit-tested over a plain array.
 *
 * - One loop at a time (and one tab at a time, through `withLock`), oldest entry first, in
 *   batches of up to `batchSize` commands (and `MAX_BATCH_BYTES`) per request, one request at a
 *   time; reading the next batch and settling the last answer overlap the request in between.
 * - An entry stays stored until the server has answered it; an unanswered request (network
 *   down, server restarting) is retried with backoff, the same commands with the same
 *   clientIds, which the server applies once. A tab closed mid-request resends on its next
 *   start, safely for the same reason.
 * - A request refused as a whole (e.g. 400) is split into single commands so one bad command
 *   can't block the rest; a single refused command is answered locally as a failure.
 * - 401 stops the loop (the session is gone; the entries wait for the next sign-in).
 */
import { MAX_COMMANDS_PER_REQUEST, type Command, type CommandResult } from "@inbox/shared";
import { backoffDelay } from "./backoff.ts";

export interface QueuedCommand {
  seq: number;
  command: Command;
}

export interface Outcome {
  entry: QueuedCommand;
  result: CommandResult;
}

export interface ReplayerStore {
  /** The oldest entries still waiting for an answer, in the order they were made; only those after `afterSeq` when given. */
  next(limit: number, afterSeq?: number): Promise<QueuedCommand[]>;
  /** Records the answers (removes those entries, stores what came back) in one transaction. */
  settle(outcomes: readonly Outcome[]): Promise<void>;
}

/** What a failed request means: try again later, stop for good, or a refusal of the commands. */
export type FailureKind = "retry" | "stop" | "refused";

export type ReplayerState = "idle" | "sending" | "retrying" | "offline" | "stopped";

export interface ReplayerDeps {
  store: ReplayerStore;
  send(commands: Command[]): Promise<CommandResult[]>;
  classify(error: unknown): FailureKind;
  /** Turns a refused request into the answer of its single command. */
  refusal(command: Command, error: unknown): CommandResult;
  /**
   * Readies a command just before it is sent (e.g. uploads an attachment kept on this device
   * and puts its server url in the reply). Its failures count as the request's.
   */
  prepare?(command: Command): Promise<Command>;
  /** Runs for every answer before it is settled (drafts back, notices). */
  onOutcome?(outcome: Outcome): Promise<void> | void;
  online?(): boolean;
  backoff?(attempt: number): number;
  batchSize?: number;
  /** Makes the loop exclusive across tabs (Web Locks); defaults to running it directly. */
  withLock?<T>(run: () => Promise<T>): Promise<T>;
  onState?(state: ReplayerState): void;
}

export interface Replayer {
  /** Look at the outbox now: after an enqueue, when the browser comes online, after a wait. */
  kick(): void;
  /** Resolves when the loop has nothing more to do (or can't go on: offline, stopped). */
  whenIdle(): Promise<void>;
  dispose(): void;
}

/** Commands per request: as many as the server takes in one (each answered on its own). */
export const MAX_BATCH = MAX_COMMANDS_PER_REQUEST;
/** JSON per request, well under the server's body limit for /api/commands (1 MiB). */
export const MAX_BATCH_BYTES = 512 * 1024;

/** The leading entries that fit in one request (always at least one). */
function fitToRequest(entries: QueuedCommand[], limit: number): QueuedCommand[] {
  let bytes = 0;
  let n = 0;
  for (const entry of entries.slice(0, limit)) {
    bytes += JSON.stringify(entry.command).length + 1;
    if (n > 0 && bytes > MAX_BATCH_BYTES) break;
    n++;
  }
  return entries.slice(0, n);
}

export function createReplayer(deps: ReplayerDeps): Replayer {
  const batchSize = Math.max(1, Math.min(deps.batchSize ?? MAX_BATCH, MAX_BATCH));
  const online = deps.online ?? (() => true);
  const backoff = deps.backoff ?? ((n: number) => backoffDelay(n));
  const withLock = deps.withLock ?? (<T,>(run: () => Promise<T>) => run());

  let running = false;
  let again = false;
  let disposed = false;
  let wake: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];
  let state: ReplayerState = "idle";

  const setState = (s: ReplayerState) => {
    if (s === state) return;
    state = s;
    deps.onState?.(s);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /**
   * Sends until the outbox is empty; returns early when offline or stopped. One request at a
   * time, so the server applies batches in the order they were made; but the device's own work
   * overlaps the requests: the next batch is read while one is on its way, and an answer is
   * settled (notices, drafts, the outbox and the server's copies stored) while the next request
   * is already out. Entries stay stored until settled, so a tab closed in between resends them,
   * and the server answers those from its record.
   */
  async function drain(): Promise<void> {
    let attempt = 0;
    // After a refused batch, this many of the next entries go one per request.
    let singles = 0;
    // The last entry sent and answered (its answer may still be settling): the next batch starts after it.
    let after: number | undefined;
    // The next batch, read while the previous request was out.
    let ahead: Promise<QueuedCommand[]> | null = null;
    let settling: Promise<void> = Promise.resolve();
    const settleInTurn = (outcomes: Outcome[]) => {
      settling = settling.then(async () => {
        for (const outcome of outcomes) await deps.onOutcome?.(outcome);
        await deps.store.settle(outcomes);
      });
    };
    try {
      while (!disposed) {
        if (!online()) {
          setState("offline");
          return;
        }
        const read = ahead ?? deps.store.next(singles > 0 ? 1 : batchSize, after);
        ahead = null;
        const batch = fitToRequest(await read, singles > 0 ? 1 : batchSize);
        if (batch.length === 0 || disposed) return;
        setState("sending");
        let results: CommandResult[];
        try {
          const commands = batch.map((e) => e.command);
          const request = deps.send(deps.prepare ? await Promise.all(commands.map((c) => deps.prepare!(c))) : commands);
          // Only whole batches are read ahead; after a refusal entries go one by one again.
          if (singles === 0) ahead = deps.store.next(batchSize, batch.at(-1)!.seq);
          results = await request;
          attempt = 0;
        } catch (err) {
          ahead = null;
          if (disposed) return;
          const kind = deps.classify(err);
          if (kind === "stop") {
            setState("stopped");
            return;
          }
          if (kind === "retry") {
            setState("retrying");
            await sleep(backoff(attempt++));
            continue;
          }
          if (batch.length > 1) {
            singles = batch.length;
            continue;
          }
          results = [deps.refusal(batch[0]!.command, err)];
        }
        if (singles > 0) singles--;
        const byClientId = new Map(results.map((r) => [r.clientId, r]));
        const outcomes: Outcome[] = [];
        for (const entry of batch) {
          const result = byClientId.get(entry.command.clientId);
          if (result) outcomes.push({ entry, result });
        }
        settleInTurn(outcomes);
        if (outcomes.length === batch.length) {
          after = batch.at(-1)!.seq;
          continue;
        }
        // Entries the answer left out are sent again: read from the oldest once settled.
        ahead = null;
        after = undefined;
        await settling;
        // An answer that covers none of our commands would loop hot: wait before asking again.
        if (outcomes.length === 0) {
          setState("retrying");
          await sleep(backoff(attempt++));
        }
      }
    } finally {
      await settling;
    }
  }

  async function loop(): Promise<void> {
    running = true;
    try {
      await withLock(async () => {
        do {
          again = false;
          await drain();
        } while (again && !disposed && online());
      });
    } catch (err) {
      console.error("Outbox replay stopped by an unexpected error; it resumes on the next change.", err);
    } finally {
      running = false;
      if (state === "sending" || state === "retrying") setState("idle");
      if (state === "offline" && online()) setState("idle");
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  return {
    kick() {
      if (disposed) return;
      if (state === "stopped") setState("idle");
      if (wake) {
        wake();
        return;
      }
      if (running) {
        again = true;
        return;
      }
      void loop();
    },
    whenIdle() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    dispose() {
      disposed = true;
      wake?.();
    },
  };
}
