import type { KeyedMutex } from "../lib/keyed-mutex.ts";
import type { Database } from "./database.ts";
import type { WriteQueue } from "./write-queue.ts";

/**
 * The narrow views of the record that the parts of the server are built with (core.ts hands
 * each only what it uses). Reading needs the database alone; changing it goes through the
 * group-committing writer, stamped by the clock, with per-key locks for read-then-write.
 */
export interface Reads {
  db: Database;
}

export interface Writes extends Reads {
  writer: WriteQueue;
  now(): number;
  locks: KeyedMutex;
}
