/**
 * Sends the outbox to the server, in order, exactly once. No DOM and no Dexie here: the
 * storage, the transport and the clock are injected, so the ordering and failure rules are
 * unit-tested over a plain array.
 *
 * - One loop at a time (and one tab at a time, through `withLock`), oldest entry first, in
 *   batches of up to `batchSize` commands per request.
 * - An entry stays stored until the server has answered it; an unanswered request (network
 *   down, server restarting) is retried with backoff, the same commands with the same
 *   clientIds, which the server applies once. A tab closed mid-request resends on its next
 *   start, safely for the same reason.
 * - A request refused as a whole (e.g. 400) is split into single commands so one bad command
 *   can't block the rest; a single refused command is answered locally as a failure.
 * - 401 stops the loop (the session is gone; the entries wait for the next sign-in).
 */
import type { Command, CommandResult } from "@inbox/shared";
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
  /** The oldest entries still waiting for an answer, in the order they were made. */
  next(limit: number): Promise<QueuedCommand[]>;
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

export const MAX_BATCH = 100;

export function createReplayer(deps: ReplayerDeps): Replayer {
  const batchSize = Math.max(1, Math.min(deps.batchSize ?? MAX_BATCH, 200));
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

  /** Sends until the outbox is empty; returns early when offline or stopped. */
  async function drain(): Promise<void> {
    let attempt = 0;
    // After a refused batch, this many of the next entries go one per request.
    let singles = 0;
    while (!disposed) {
      if (!online()) {
        setState("offline");
        return;
      }
      const batch = await deps.store.next(singles > 0 ? 1 : batchSize);
      if (batch.length === 0 || disposed) return;
      setState("sending");
      let results: CommandResult[];
      try {
        const commands = batch.map((e) => e.command);
        results = await deps.send(deps.prepare ? await Promise.all(commands.map((c) => deps.prepare!(c))) : commands);
        attempt = 0;
      } catch (err) {
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
      for (const outcome of outcomes) await deps.onOutcome?.(outcome);
      await deps.store.settle(outcomes);
      // An answer that covers none of our commands would loop hot: wait before asking again.
      if (outcomes.length === 0) {
        setState("retrying");
        await sleep(backoff(attempt++));
      }
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
