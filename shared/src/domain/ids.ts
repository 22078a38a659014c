import { z } from "zod";
import { SCHEMA_MESSAGES } from "../api/schema-messages.ts";

/** Ids are opaque strings; clients generate ids for their own commands (UUIDs) so retries are idempotent. */
export const IdSchema = z.string().min(1).max(128);
export type Id = z.infer<typeof IdSchema>;

/** A client-generated id: what makes an offline or retried command safe to apply exactly once. */
export const ClientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, SCHEMA_MESSAGES.id_format);

export function newId(): string {
  return crypto.randomUUID();
}

/** Milliseconds since the Unix epoch: one time unit everywhere, so reports can subtract. */
export const TimestampSchema = z.number().int().nonnegative();
