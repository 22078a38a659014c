/**
 * Runs `fn` after the I/O callbacks already pending (setImmediate where the runtime has it).
 * Local libSQL commits synchronously, so nothing can queue up during a commit; deferring the
 * flush to the end of the event-loop turn is what lets concurrent requests share one commit.
 */
export const defer: (fn: () => void) => void =
  typeof setImmediate === "function" ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);
