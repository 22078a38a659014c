import { describe, expect, it } from "vitest";
import { BUILT_IN_PERMISSIONS } from "@inbox/shared";
import { canOpenSettings, settingsSectionsFor } from "./settings-access.ts";

const none = { channels: false, content: false, sla: false, people: false, roles: false, audit: false, security: false, routingRules: false, retention: false, ai: false };

describe("who sees which settings", () => {
  it("gives admins every section (business hours and SLAs too), supervisors the content they write, agents nothing", () => {
    expect(settingsSectionsFor({ role: "admin" })).toEqual({ channels: true, content: true, sla: true, people: true, roles: true, audit: true, security: true, routingRules: true, retention: true, ai: true });
    expect(settingsSectionsFor({ role: "supervisor" })).toEqual({ ...none, content: true });
    expect(settingsSectionsFor({ role: "agent" })).toEqual(none);
    expect(settingsSectionsFor(null)).toEqual(none);
  });

  it("follows a custom role's permissions: an agent-based auditor sees the audit log, nothing an admin role alone opens", () => {
    const auditor = { role: "agent" as const, permissions: { ...BUILT_IN_PERMISSIONS.agent, viewAudit: true } };
    expect(settingsSectionsFor(auditor)).toEqual({ ...none, audit: true });
    expect(canOpenSettings(auditor)).toBe(true);
  });

  it("opens Settings for admins and supervisors only among the built-in roles", () => {
    expect((["admin", "supervisor", "agent"] as const).filter((role) => canOpenSettings({ role }))).toEqual(["admin", "supervisor"]);
  });
});
