import { z } from "zod";
import { ChannelTypeSchema } from "./inbox.ts";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { SCHEMA_MESSAGES } from "../api/schema-messages.ts";

/** How one person is known on one channel (a WhatsApp number, a widget visitor id, ...). */
export const ContactIdentitySchema = z.object({
  inboxId: IdSchema,
  channel: ChannelTypeSchema,
  externalId: z.string().min(1).max(256),
  /** Since when the customer has blocked the business here: replies cannot reach them until they write again. */
  blockedAt: TimestampSchema.nullable().default(null),
});
export type ContactIdentity = z.infer<typeof ContactIdentitySchema>;

export const ContactSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  name: z.string().max(200).nullable(),
  email: z.string().max(320).nullable(),
  phone: z.string().max(40).nullable(),
  identities: z.array(ContactIdentitySchema),
  createdAt: TimestampSchema,
  /** VIP customers' chats are routed first, after urgent ones. Defaults keep older cached copies readable. */
  vip: z.boolean().default(false),
  company: z.string().max(200).nullable().default(null),
  /** Free text agents keep about the person. */
  notes: z.string().max(4000).nullable().default(null),
  /** Set once merged into another contact: follow this id to the person's record. */
  mergedIntoId: IdSchema.nullable().default(null),
  /** Set once the customer's data was erased (data rights): the row stays, anonymous, so counts still add up. */
  erasedAt: TimestampSchema.nullable().default(null),
  /** The customer's picture on their platform (profile API); https only, since devices load it as an image. */
  avatarUrl: z.string().max(2000).regex(/^https:\/\//, SCHEMA_MESSAGES.picture_https).nullable().default(null),
  /** When the customer left their email in the web chat widget, so a reply can reach them there. */
  emailLeftAt: TimestampSchema.nullable().default(null),
});
export type Contact = z.infer<typeof ContactSchema>;

export function contactDisplayName(c: Pick<Contact, "name" | "email" | "phone" | "id">): string {
  return c.name || c.email || c.phone || `Visitor ${c.id.slice(0, 6)}`;
}
