import type { ConversationScope, Permissions } from "./permissions.ts";
import type { Role } from "./roles.ts";

/**
 * What a person may do: the built-in roles are three fixed permission sets, and an admin can
 * make custom roles from the same set (issue 13). Every check on the server and every button in
 * the PWA asks these functions, so one policy decides and the two cannot disagree.
 */
/* No zod here: the PWA's first screen asks these rules without loading the schemas (issue 17). */

/**
 * Which conversations someone sees. `teams`: every chat of the teams they belong to;
 * `assigned_or_unassigned`: their own and the unassigned ones of their teams (the queue);
 * `assigned`: only chats assigned to them.
 */
export const CONVERSATION_SCOPES = ["all", "teams", "assigned_or_unassigned", "assigned"] as const;
/**
 * The switches of a permission set. Merging duplicate contacts stays with editing them (an
 * agent's everyday work); erasing a customer's data is `deleteContacts`.
 */
export const PERMISSION_FLAGS = [
  "reply",
  "manageContacts",
  "deleteContacts",
  "exportData",
  "manageContent",
  "viewReports",
  "supervise",
  "manageChannels",
  "managePeople",
  "viewAudit",
  "configureAI",
] as const;
export type PermissionFlag = (typeof PERMISSION_FLAGS)[number];

const none = Object.fromEntries(PERMISSION_FLAGS.map((f) => [f, false])) as Record<PermissionFlag, boolean>;
const every = Object.fromEntries(PERMISSION_FLAGS.map((f) => [f, true])) as Record<PermissionFlag, boolean>;

/** The built-in roles, as they were before custom roles existed. */
export const BUILT_IN_PERMISSIONS: Readonly<Record<Role, Permissions>> = {
  admin: { conversations: "all", ...every },
  supervisor: { conversations: "teams", ...none, reply: true, manageContacts: true, manageContent: true, viewReports: true, supervise: true },
  agent: { conversations: "teams", ...none, reply: true, manageContacts: true },
};

/** Anyone a permission is asked of: a role, and the custom role's set when they hold one. */
export interface PermissionHolder {
  role: Role;
  permissions?: Permissions | undefined;
}

export function permissionsOf(holder: PermissionHolder): Permissions {
  return holder.permissions ?? BUILT_IN_PERMISSIONS[holder.role];
}

export function can(holder: PermissionHolder | null | undefined, flag: PermissionFlag): boolean {
  return holder ? permissionsOf(holder)[flag] : false;
}

export function scopeOf(holder: PermissionHolder): ConversationScope {
  return permissionsOf(holder).conversations;
}

/** Whether the person sees every chat of a team they belong to (and so may hold its list room). */
export function seesWholeTeams(holder: PermissionHolder): boolean {
  const scope = scopeOf(holder);
  return scope === "all" || scope === "teams";
}

type Viewer = PermissionHolder & { id: string; teamIds: readonly string[] };

/** The one rule for "may this person see (and work on) this conversation". */
export function canSeeConversation(viewer: Viewer, conversation: { teamId: string; assigneeId: string | null }): boolean {
  switch (scopeOf(viewer)) {
    case "all":
      return true;
    case "teams":
      return viewer.teamIds.includes(conversation.teamId);
    case "assigned_or_unassigned":
      return conversation.assigneeId === viewer.id || (conversation.assigneeId === null && viewer.teamIds.includes(conversation.teamId));
    case "assigned":
      return conversation.assigneeId === viewer.id;
  }
}
