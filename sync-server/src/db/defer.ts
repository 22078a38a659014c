/**
 * Runs `fn` after the I/O callbacks already pending (setImmediate where the runtime has it, as
 * Node does; a zero timeout elsewhere, e.g. Workers without nodejs_compat). Local libSQL commits
 * synchronously, so nothing can queue up during a commit; deferring the flush to the end of the
 * event-loop turn is what lets concurrent requests share one commit. Looked up on globalThis so
 * the file typechecks without Node's types.
 */
const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;

export const defer: (fn: () => void) => void = immediate ? (fn) => void immediate(fn) : (fn) => void setTimeout(fn, 0);
