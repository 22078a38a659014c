/**
 * What the conversation list shows: a tab (Mine / Unassigned / All), any number of filters
 * (channel, status, label, team, priority) and a sort. One pure function set, used by the
 * client's live list and by saved views (stored on the server, validated with these schemas).
 *
 * Within one kind of filter the choices are alternatives (WhatsApp or Telegram); different kinds
 * must all hold (WhatsApp and open). An empty choice means "any".
 */
import { z } from "zod";
import { ConversationStatusSchema, PrioritySchema } from "./conversation.ts";
import { IdSchema } from "./ids.ts";
import { ChannelTypeSchema } from "./inbox.ts";
import { LIST_FILTERS } from "./conversation-rules.ts";
import { LIST_SORTS } from "./list-view-rules.ts";
import { SCHEMA_MESSAGES } from "../api/schema-messages.ts";

export * from "./list-view-rules.ts";

export const ListSortSchema = z.enum(LIST_SORTS);
export type ListSort = z.infer<typeof ListSortSchema>;

const LabelSchema = z.string().trim().min(1).max(64);
/** Bounded so a stored view stays small; nobody picks more than a handful of each. */
const choice = <T extends z.ZodType>(item: T) => z.array(item).max(50).default([]);

export const ListViewSchema = z.object({
  tab: z.enum(LIST_FILTERS).default("all"),
  channels: choice(ChannelTypeSchema),
  statuses: choice(ConversationStatusSchema),
  labels: choice(LabelSchema),
  teamIds: choice(IdSchema),
  priorities: choice(PrioritySchema),
  sort: ListSortSchema.default("newest"),
});
export type ListView = z.infer<typeof ListViewSchema>;

// ---------- saved views (per user, stored on the server) ----------

const ViewNameSchema = z.string().trim().min(1, SCHEMA_MESSAGES.view_name_required).max(60, SCHEMA_MESSAGES.view_name_too_long);

export const SavedViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  view: ListViewSchema,
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListResponseSchema = z.object({ views: z.array(SavedViewSchema) });
export const SavedViewResponseSchema = z.object({ view: SavedViewSchema });
export const CreateSavedViewRequestSchema = z.object({ name: ViewNameSchema, view: ListViewSchema });
export type CreateSavedViewRequest = z.infer<typeof CreateSavedViewRequestSchema>;
export const RenameSavedViewRequestSchema = z.object({ name: ViewNameSchema });
/** How many views one agent may keep: the header lists them all. */
export const MAX_SAVED_VIEWS = 30;
