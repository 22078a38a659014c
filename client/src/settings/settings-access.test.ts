import { describe, expect, it } from "vitest";
import { canOpenSettings, settingsSectionsFor } from "./settings-access.ts";

describe("who sees which settings", () => {
  it("gives admins every section (business hours and SLAs too), supervisors the content they write, agents nothing", () => {
    expect(settingsSectionsFor("admin")).toEqual({ channels: true, content: true, sla: true, people: true, audit: true, security: true, routingRules: true, retention: true });
    expect(settingsSectionsFor("supervisor")).toEqual({ channels: false, content: true, sla: false, people: false, audit: false, security: false, routingRules: false, retention: false });
    expect(settingsSectionsFor("agent")).toEqual({ channels: false, content: false, sla: false, people: false, audit: false, security: false, routingRules: false, retention: false });
    expect(settingsSectionsFor(null)).toEqual({ channels: false, content: false, sla: false, people: false, audit: false, security: false, routingRules: false, retention: false });
  });

  it("opens Settings for admins and supervisors only", () => {
    expect((["admin", "supervisor", "agent"] as const).filter((r) => canOpenSettings(r))).toEqual(["admin", "supervisor"]);
  });
});
