/**
 * The order a batch of commands is applied in. A device's commands must take effect as if one
 * after the other, but only where that can be told apart: two commands on one conversation
 * (a reply, then resolving it), or a command whose outcome depends on other conversations (an
 * assignment checks the agent's load). Commands on different conversations that only touch
 * their own run side by side, so their writes reach the group-committing writer together and
 * share its transactions instead of paying a commit each.
 */

/** How a command may overlap with the others of its batch. */
export type Lane =
  /** Touches its own conversation only: ordered after the batch's earlier commands on it. */
  | { key: string }
  /** Reads or changes beyond one conversation: runs alone, after everything before it. */
  | "alone";

export type Settled<R> = { status: "done"; value: R } | { status: "failed"; error: unknown } | { status: "skipped" };

/**
 * Runs `run` for every item, each after the earlier items it must follow (see `Lane`).
 * A failure (a thrown error, not a refusal the caller returns as a value) stops what must follow
 * it: the later items of its lane are skipped, and so is everything from the next "alone" item
 * on, as a one-by-one run would have stopped there. Resolves once nothing is running.
 */
export async function runInOrder<T, R>(items: readonly T[], laneOf: (item: T, index: number) => Lane, run: (item: T, index: number) => Promise<R>): Promise<Settled<R>[]> {
  const settled: Settled<R>[] = items.map(() => ({ status: "skipped" }));
  let lanes = new Map<string, Promise<boolean>>();
  let running: Promise<boolean>[] = [];

  /** Runs one item once `after` resolved true (its predecessor went well); resolves whether it did. */
  const start = async (index: number, after: Promise<boolean>): Promise<boolean> => {
    if (!(await after)) return false;
    try {
      settled[index] = { status: "done", value: await run(items[index]!, index) };
      return true;
    } catch (error) {
      settled[index] = { status: "failed", error };
      return false;
    }
  };

  const allWent = async () => (await Promise.all(running)).every(Boolean);

  for (let i = 0; i < items.length; i++) {
    const lane = laneOf(items[i]!, i);
    if (lane === "alone") {
      if (!(await allWent())) return settled;
      lanes = new Map();
      running = [];
      if (!(await start(i, Promise.resolve(true)))) return settled;
      continue;
    }
    const done = start(i, lanes.get(lane.key) ?? Promise.resolve(true));
    lanes.set(lane.key, done);
    running.push(done);
  }
  await Promise.all(running);
  return settled;
}
