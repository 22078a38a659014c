/**
 * Who may open Settings and which sections they see. Supervisors write the canned responses and
 * knowledge-base articles agents reuse (the server lets them); channels and routing change how
 * the whole workspace reaches customers, so they stay with admins. Agents have no Settings.
 * The server checks every call again; this only keeps people from meeting doors they can't open.
 */
import type { Role } from "@inbox/shared";
import { mayManageRetention } from "@inbox/shared/api/data-rights";

export interface SettingsSections {
  /** Channels, connecting one, and how each hands out chats. */
  channels: boolean;
  /** Canned responses and knowledge-base articles. */
  content: boolean;
  /** Business hours and SLA policies (workspace-wide rules, like channels: admins). */
  sla: boolean;
  /** People, invitations and teams (admins). */
  people: boolean;
  /** The audit log, its exports and integrity check (admins). */
  audit: boolean;
  /** Account security: who must use two-factor sign-in, session lifetime (admins). */
  security: boolean;
  /** Routing rules: where new chats go and what happens to them (admins). */
  routingRules: boolean;
  /** Data retention: how long resolved conversations are kept (the shared mayManageRetention). */
  retention: boolean;
}

export function settingsSectionsFor(role: Role | null | undefined): SettingsSections {
  return { channels: role === "admin", content: role === "admin" || role === "supervisor", sla: role === "admin", people: role === "admin", audit: role === "admin", security: role === "admin", routingRules: role === "admin", retention: mayManageRetention(role ? { role } : null) };
}

export function canOpenSettings(role: Role | null | undefined): boolean {
  const s = settingsSectionsFor(role);
  return s.channels || s.content;
}
