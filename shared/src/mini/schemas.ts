/**
 * zod/mini twins of the few schemas the PWA needs before its first conversation row: the
 * device's saved copies it reads back at start-up (the remembered user, the list's current and
 * saved views) and the API's error body. zod/mini is the same validator as classic zod without
 * the chainable methods, so the first load fetches a few KB of it instead of all of classic zod
 * (issue 17). Each twin is checked against its classic schema in mini.test.ts: same samples
 * accepted and rejected, same enumerations, same output type.
 */
import * as z from "zod/mini";
import { ERROR_CODES } from "../api/error-codes.ts";
import { CONVERSATION_STATUSES, LIST_FILTERS, PRIORITIES } from "../domain/conversation-rules.ts";
import { CHANNEL_TYPES } from "../domain/channel-types.ts";
import { LIST_SORTS } from "../domain/list-view-rules.ts";
import { CONVERSATION_SCOPES, PERMISSION_FLAGS } from "../domain/permissions-policy.ts";
import { AVAILABILITIES, LOCALES, ROLES } from "../domain/user-rules.ts";

const Id = z.string().check(z.minLength(1), z.maxLength(128));
const Timestamp = z.int().check(z.nonnegative());
const Name = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const Permissions = z.object({
  conversations: z.enum(CONVERSATION_SCOPES),
  ...(Object.fromEntries(PERMISSION_FLAGS.map((flag) => [flag, z.boolean()])) as Record<(typeof PERMISSION_FLAGS)[number], z.ZodMiniBoolean>),
});

const User = z.object({
  id: Id,
  workspaceId: Id,
  email: z.email(),
  name: Name(120),
  role: z.enum(ROLES),
  teamIds: z.array(Id),
  maxConcurrentChats: z.int().check(z.minimum(1), z.maximum(100)),
  availability: z.enum(AVAILABILITIES),
  locale: z.enum(LOCALES),
  permissions: z.optional(Permissions),
  customRole: z.optional(z.nullable(z.object({ id: Id, name: Name(60) }))),
});

/** The remembered user (me-cache), as MeResponseSchema. */
export const MeResponseMini = z.object({
  user: User,
  workspace: z.object({ id: Id, name: Name(120), createdAt: Timestamp }),
  teams: z.array(z.object({ id: Id, workspaceId: Id, name: Name(120) })),
  account: z.optional(z.object({ twoFactorEnabled: z.boolean(), mustEnrolTwoFactor: z.boolean(), avatar: z.nullable(z.string()) })),
});

/** Bounded so a stored view stays small, as ListViewSchema's `choice`. */
const choice = <T extends z.core.SomeType>(item: T) => z._default(z.array(item).check(z.maxLength(50)), []);

/** The list's current view (Dexie kv), as ListViewSchema. */
export const ListViewMini = z.object({
  tab: z._default(z.enum(LIST_FILTERS), "all"),
  channels: choice(z.enum(CHANNEL_TYPES)),
  statuses: choice(z.enum(CONVERSATION_STATUSES)),
  labels: choice(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  teamIds: choice(Id),
  priorities: choice(z.enum(PRIORITIES)),
  sort: z._default(z.enum(LIST_SORTS), "newest"),
});

/** One saved view of the device's copy of the list (Dexie kv), as SavedViewSchema. */
export const SavedViewMini = z.object({
  id: Id,
  name: z.string(),
  view: ListViewMini,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** An error answer of the API, as ApiErrorSchema. */
export const ApiErrorMini = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});
