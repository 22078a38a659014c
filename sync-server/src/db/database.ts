import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type * as schema from "./schema.ts";

/** The drizzle handle the core works with; each runtime adapter opens it its own way. */
export type Database = LibSQLDatabase<typeof schema>;
