/**
 * Who may open Settings and which sections they see. Supervisors write the canned responses and
 * knowledge-base articles agents reuse (the server lets them); channels and routing change how
 * the whole workspace reaches customers, so they stay with admins. Agents have no Settings.
 * The server checks every call again; this only keeps people from meeting doors they can't open.
 */
import { can, type PermissionHolder } from "@inbox/shared";
import { mayManageRetention } from "@inbox/shared/api/data-rights";

export interface SettingsSections {
  /** Channels, connecting one, and how each hands out chats. */
  channels: boolean;
  /** Canned responses and knowledge-base articles. */
  content: boolean;
  /** Business hours and SLA policies (workspace-wide rules, like channels: admins). */
  sla: boolean;
  /** People, invitations and teams (admins; custom roles with "manage people and roles"). */
  people: boolean;
  /** Custom roles: permission sets to give people (the same permission as people). */
  roles: boolean;
  /** The audit log, its exports and integrity check (admins). */
  audit: boolean;
  /** Account security: who must use two-factor sign-in, session lifetime (admins). */
  security: boolean;
  /** Routing rules: where new chats go and what happens to them (admins). */
  routingRules: boolean;
  /** Data retention: how long resolved conversations are kept (the shared mayManageRetention). */
  retention: boolean;
  /** AI assistance: provider, model, key, redaction (admins; custom roles with "configure AI"). */
  ai: boolean;
}

/** From the person's permissions (built-in or custom role); workspace-wide rules stay with the admin role. */
export function settingsSectionsFor(user: PermissionHolder | null | undefined): SettingsSections {
  const admin = user?.role === "admin";
  return {
    channels: can(user, "manageChannels"),
    content: can(user, "manageContent"),
    sla: admin,
    people: can(user, "managePeople"),
    roles: can(user, "managePeople"),
    audit: can(user, "viewAudit"),
    security: admin,
    routingRules: admin,
    retention: mayManageRetention(user),
    ai: can(user, "configureAI"),
  };
}

export function canOpenSettings(user: PermissionHolder | null | undefined): boolean {
  return Object.values(settingsSectionsFor(user)).some(Boolean);
}
