import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * How often the worker copies the write-ahead log back into the database file. Often: each pass
 * then has less to flush, the log restarts from its beginning sooner, and the server's commits
 * meet a disk busy with a smaller flush (measured under ingest: 100 ms stalls commits least).
 */
const DEFAULT_INTERVAL_MS = 100;

/**
 * Pages the server's own connection lets the log grow to before it checkpoints itself: only a
 * safety net, should the worker fall behind or die (about 40 MB).
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Plain JavaScript, run as the worker's source: nothing to build or transpile.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.libsql);
const db = new Database(workerData.path);
db.exec("PRAGMA busy_timeout = 0");
db.exec("PRAGMA synchronous = NORMAL");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
let warned = false;
const timer = setInterval(() => {
  try {
    checkpoint.all();
  } catch (err) {
    // Busy now (the server's own connection is checkpointing): the next tick tries again.
    if (!warned) console.error("WAL checkpoint failed; retrying", err);
    warned = true;
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  // The server's connection is closed: copy what is left and empty the log file.
  try { db.prepare("PRAGMA wal_checkpoint(TRUNCATE)").all(); } catch {}
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints an embedded database's write-ahead log from a worker thread. In WAL mode with
 * synchronous=NORMAL a commit only appends to the log; the disk flushes happen when the log is
 * copied back into the database file (a checkpoint). SQLite does that on the committing
 * connection, in the middle of a commit, every 1,000 pages: on Node that stalled the event loop
 * (every request, every socket) for the length of an fsync, tens of milliseconds on a busy disk,
 * every few hundred messages. Here a second connection on its own thread does it instead, side
 * by side with the server's commits (a passive checkpoint never blocks readers or writers), and
 * the server's connection keeps its own only as a fallback (FALLBACK_AUTOCHECKPOINT_PAGES).
 * Durability is unchanged: a commit is in the log before it is acknowledged, as before.
 */
export function startWalCheckpointer(path: string, intervalMs = DEFAULT_INTERVAL_MS): { stop(): Promise<void> } {
  const libsql = createRequire(import.meta.url).resolve("libsql");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { libsql, path, intervalMs } });
  worker.unref();
  worker.on("error", (err) => console.error("the WAL checkpointer stopped; the server's own connection checkpoints from now on", err));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (worker.threadId === -1) return resolve();
        worker.once("exit", () => resolve());
        worker.ref(); // stopping: the process waits for the thread to close its connection
        worker.postMessage("stop");
      }),
  };
}
