import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { CHANNEL_TYPES } from "./channel-types.ts";

export * from "./channel-types.ts";

export const ChannelTypeSchema = z.enum(CHANNEL_TYPES);
export type ChannelType = z.infer<typeof ChannelTypeSchema>;

/**
 * The seed's failure table, one state each: `disabled` (admin turned it off), `token_expired`
 * (admin must reconnect), `rate_limited` (sending paused until `pausedUntil`).
 * A customer block is per contact, so it is a message failure, not a channel state.
 */
export const ChannelStatusSchema = z.enum(["active", "disabled", "token_expired", "rate_limited"]);
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

/** One connected channel. Credentials never appear here: they stay on the server, encrypted. */
export const InboxSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  name: z.string().min(1).max(120),
  channel: ChannelTypeSchema,
  status: ChannelStatusSchema,
  teamId: IdSchema,
  pausedUntil: TimestampSchema.nullable(),
  /** Public, non-secret settings (e.g. the web widget's greeting and colour). */
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  createdAt: TimestampSchema,
});
export type Inbox = z.infer<typeof InboxSchema>;
