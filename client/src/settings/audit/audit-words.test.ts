import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "@inbox/shared/api/audit";
import { setLocale } from "../../i18n/locale.ts";
import { ACTION_GROUPS, actionWords, changeSummary, groupFilter, shortId, targetLabel, verifyWords } from "./audit-words.ts";

const entry = (action: string, data: Record<string, unknown>, target: string | null = "6f1c2a4e-0000-4000-8000-000000000001"): AuditEntry => ({
  id: 7,
  at: 0,
  actorId: "u",
  actorName: "Alice Admin",
  action,
  target,
  data,
  ip: "127.0.0.1",
  userAgent: null,
});

afterEach(() => setLocale("en"));

/** The audit actions the server writes, read from its source (`action: "…"`, and the channels' webhook registration). */
function serverAuditActions(): Set<string> {
  const dir = fileURLToPath(new URL("../../../../sync-server/src/", import.meta.url));
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const actions = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(dir, file), "utf8");
    if (!source.includes("audit")) continue;
    for (const m of source.matchAll(/action: "([a-z_]+\.[a-z_]+)"/g)) actions.add(m[1]!);
    for (const m of source.matchAll(/"(inbox\.webhook_[a-z_]+)"/g)) actions.add(m[1]!);
  }
  return actions;
}

describe("an audit entry in words", () => {
  it("names every action the server writes to the audit log", () => {
    const actions = serverAuditActions();
    expect(actions.size).toBeGreaterThan(30);
    const named = new Set<string>(ACTION_GROUPS.flatMap((g) => g.actions));
    expect([...actions].filter((a) => !named.has(a))).toEqual([]);
    setLocale("pt-BR");
    expect(actionWords("webhook.contested")).toBe("Uma conta da Meta está conectada também em outro espaço de trabalho");
  });

  it("names known actions in the UI's language and shows unknown ones as stored", () => {
    expect(actionWords("sla.policy_saved")).toBe("Saved an SLA policy");
    expect(actionWords("rule.tested")).toBe("rule.tested");
    expect(["role.created", "role.changed", "role.deleted"].map(actionWords)).toEqual(["Created a custom role", "Changed a custom role", "Deleted a custom role"]);
    expect(ACTION_GROUPS.find((g) => g.prefix === "role")?.actions).toEqual(["role.created", "role.changed", "role.deleted"]);
    setLocale("pt-BR");
    expect(actionWords("auth.signed_out")).toBe("Saiu");
    expect(actionWords("role.deleted")).toBe("Excluiu um papel personalizado");
  });

  it("filters “all of” a group to exactly its actions, the channel group's webhook actions included", () => {
    // The API's reading of a filter: any pattern, each an action or a `prefix*`.
    const matches = (filter: string, action: string) => filter.split(",").some((p) => (p.endsWith("*") ? action.startsWith(p.slice(0, -1)) : action === p));
    const all = ACTION_GROUPS.flatMap((g) => g.actions);
    for (const g of ACTION_GROUPS) expect(all.filter((a) => matches(groupFilter(g), a)), g.label).toEqual([...g.actions]);
    const channel = groupFilter(ACTION_GROUPS.find((g) => g.label === "group_channel")!);
    expect(matches(channel, "channel.paused")).toBe(true);
    expect(["inbox.webhook_registered", "webhook.unrouted"].every((a) => matches(channel, a))).toBe(true);
  });

  it("sums up a change as what moved from what to what", () => {
    const saved = entry("sla.policy_saved", { before: { name: "Default", firstResponseMinutes: 30, updatedAt: 1 }, after: { name: "Default", firstResponseMinutes: 15, updatedAt: 2 } });
    expect(changeSummary(saved)).toBe("firstResponseMinutes: 30 → 15");
    expect(changeSummary(entry("channel.disabled", { from: "active", to: "disabled", reason: "Disabled by an admin." }))).toBe("active → disabled · Disabled by an admin.");
    expect(changeSummary(entry("inbox.routing_changed", { from: { mode: "manual", rerouteOnAway: false }, to: { mode: "round_robin", rerouteOnAway: false } }))).toBe("mode: manual → round_robin");
    expect(changeSummary(entry("contact.update", { fields: ["name", "email"] }))).toBe("Changed: name, email");
    expect(changeSummary(entry("sla.policy_deleted", { before: { id: "p1", name: "Old", priority: null } }))).toBe("name: Old, priority: —");
    expect(changeSummary(entry("audit.exported", { format: "csv", filters: {}, count: 3 }))).toBe("3 entries as CSV");
    expect(changeSummary(entry("auth.signed_in", {}))).toBe("—");
  });

  it("keeps what people typed as text, and short", () => {
    const typed = entry("canned_response.created", { after: { title: "<img src=x onerror=alert(1)>".repeat(10) } });
    const summary = changeSummary(typed);
    expect(summary.startsWith("title: <img src=x onerror=alert(1)>")).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith("…")).toBe(true);
  });

  it("names the target from the change, or shortens its id", () => {
    expect(targetLabel(entry("article.updated", { after: { title: "Returns" } }))).toBe("Returns");
    expect(targetLabel(entry("canned_response.deleted", { before: { shortcut: "refund" } }))).toBe("/refund");
    expect(targetLabel(entry("contact.merge", { mergedId: "x" }))).toBeNull();
    expect(shortId("6f1c2a4e-0000-4000-8000-000000000001")).toBe("6f1c2a4e…");
  });

  it("says what the integrity check found", () => {
    const time = () => "1 May 2026, 10:00:00";
    expect(verifyWords({ ok: true, checked: 12, headHash: "h", broken: null }, time)).toBe("Chain intact: 12 entries checked.");
    expect(verifyWords({ ok: false, checked: 3, headHash: "h", broken: { id: 4, at: 1, reason: "edited", message: "" } }, time)).toBe(
      "Broken at entry #4 (1 May 2026, 10:00:00): it was changed after it was written.",
    );
    expect(verifyWords({ ok: false, checked: 3, headHash: "h", broken: { id: 4, at: null, reason: "deleted", message: "" } }, time)).toBe(
      "Broken at entry #4: it was deleted, or an entry just before it was.",
    );
  });
});
