import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { newId, type Conversation } from "@inbox/shared";
import type { Notification } from "@inbox/shared/api/content";
import { conversations, notifications, slaPolicies, users } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let ana: string;
let sam: string;
let alice: string;

beforeAll(async () => {
  server = await startTestServer();
  ana = await server.login("ana@demo.inbox");
  sam = await server.login("supervisor@demo.inbox");
  alice = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

async function myNotifications(token: string): Promise<Notification[]> {
  return ((await (await server.api("/api/me/notifications", { token })).json()) as { notifications: Notification[] }).notifications;
}

describe("SLA notifications", () => {
  it("tells the team's supervisor and the assignee once when a chat turns at risk and once when it breaches", async () => {
    const workspaceId = (await server.core.db.query.workspaces.findFirst())!.id;
    const inbox = server.seed!.inboxIds.site!;
    await server.core.db.insert(slaPolicies).values({
      id: newId(), workspaceId, name: "Fast lane", inboxId: inbox, priority: null,
      firstResponseMinutes: 1, nextResponseMinutes: null, resolutionMinutes: null, businessHours: false,
      atRisk: { unit: "percent", value: 50 }, updatedAt: server.core.now(),
    });
    const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Sla Nora" } })).json()) as { token: string };
    await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: "sla-notify-hello", text: "hello?" } });
    const list = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
    const c = list.conversations.find((x) => x.contactName === "Sla Nora")!;
    const anaId = (await server.core.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!.id;
    const assigned = await server.api(`/api/conversations/${c.id}/assign`, { method: "POST", token: sam, json: { assigneeId: anaId } });
    expect(assigned.status).toBe(200);
    const row = async () => (await server.core.db.select().from(conversations).where(eq(conversations.id, c.id)))[0]!;
    await waitFor("the SLA running", async () => (await row()).sla?.state === "running");

    const about = (list: Notification[]) => list.filter((n) => n.conversationId === c.id && n.kind.startsWith("sla_"));
    try {
      // Past the at-risk threshold (half the minute), not yet due.
      server.clock.offsetMs = 40_000;
      await server.core.sla.runDue(server.core.now());
      expect((await row()).sla?.state).toBe("at_risk");
      await waitFor("the supervisor told it is at risk", async () => about(await myNotifications(sam)).length === 1);
      expect(about(await myNotifications(sam))[0]).toMatchObject({ kind: "sla_at_risk", actorName: "Fast lane", contactName: "Sla Nora", excerpt: "first_response", readAt: null });
      expect(about(await myNotifications(ana)).map((n) => n.kind)).toEqual(["sla_at_risk"]);

      server.clock.offsetMs = 2 * 60_000;
      await server.core.sla.runDue(server.core.now());
      expect((await row()).sla?.state).toBe("breached");
      await waitFor("the supervisor told it breached", async () => about(await myNotifications(sam)).length === 2);
      expect(about(await myNotifications(sam)).map((n) => n.kind).sort()).toEqual(["sla_at_risk", "sla_breached"]);
      expect(about(await myNotifications(ana)).map((n) => n.kind).sort()).toEqual(["sla_at_risk", "sla_breached"]);

      // Running again (another pass, a change to the chat) tells nobody twice.
      await server.core.sla.runDue(server.core.now());
      await server.api(`/api/conversations/${c.id}/priority`, { method: "POST", token: sam, json: { priority: "high" } });
      await server.core.sla.idle();
      const stored = await server.core.db.select().from(notifications).where(eq(notifications.conversationId, c.id));
      expect(stored.filter((n) => n.kind.startsWith("sla_"))).toHaveLength(4);
      // Admins, who see every team, are not told: the team's supervisors are.
      expect(about(await myNotifications(alice))).toHaveLength(0);
    } finally {
      server.clock.offsetMs = 0;
    }
  });
});
