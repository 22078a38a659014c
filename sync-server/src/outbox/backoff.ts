/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 5 minutes, with jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** After this many failed tries a message is marked failed and the agent can retry it by hand. */
export const MAX_ATTEMPTS = 8;
