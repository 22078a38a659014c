import { sql, type SQL } from "drizzle-orm";
import type { Database } from "./database.ts";

/**
 * A bulk UPDATE that returns its rows stamps their change sequence itself: the seq trigger
 * fires only when an update leaves `seq` as it was, and would write every row a second time;
 * RETURNING, which shows a row before AFTER triggers run, would carry the old number. Each row
 * takes the counter plus one plus its `position` in the batch (0, 1, …), and `passStamped`,
 * in the same transaction, moves the counter past the batch's numbers.
 */
export function stampedSeq(position: SQL): SQL<number> {
  return sql<number>`(select value from sync_counter where id = 1) + 1 + ${position}`;
}

/** Moves the change counter past the `count` numbers `stampedSeq` gave a batch. */
export function passStamped(db: Database, count: number) {
  return db.run(sql`update sync_counter set value = value + ${count} where id = 1`);
}
