import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { newId, type Conversation } from "@inbox/shared";
import { conversations, events, slaPolicies } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { toConversation } from "../db/read-model.ts";
import { SlaKeeper } from "./sla-keeper.ts";

let server: TestServer;
let agent: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.login("ana@demo.inbox");
});
afterAll(() => server.stop());

async function newConversation(name: string): Promise<Conversation> {
  const inbox = server.seed!.inboxIds.site!;
  const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `hello-${name.replace(/\W/g, "-")}`, text: "hello" } });
  const list = (await (await server.api("/api/conversations", { token: agent })).json()) as { conversations: Conversation[] };
  return list.conversations.find((c) => c.contactName === name)!;
}

describe("the SLA keeper", () => {
  it("keeps the summary as changes commit, and records at risk and breached once per target and cycle", async () => {
    const workspaceId = (await server.core.db.query.workspaces.findFirst())!.id;
    await server.core.db.insert(slaPolicies).values({
      id: newId(), workspaceId, name: "One minute", inboxId: server.seed!.inboxIds.site!, priority: null,
      firstResponseMinutes: 1, nextResponseMinutes: null, resolutionMinutes: null, businessHours: false,
      atRisk: { unit: "percent", value: 50 }, updatedAt: server.core.now(),
    });
    const c = await newConversation("Sla Keeper");
    const row = async () => (await server.core.db.select().from(conversations).where(eq(conversations.id, c.id)))[0]!;
    // Creating the chat committed and published it: the keeper filled its SLA.
    await waitFor("the SLA summary", async () => (await row()).sla?.state === "running");
    expect((await row()).sla).toMatchObject({ target: "first_response", dueAt: c.createdAt + 60_000, atRiskAt: c.createdAt + 30_000 });
    expect((await row()).slaCheckAt).toBe(c.createdAt + 30_000);

    // Pending stops the clock, as soon as the change commits.
    expect((await server.api(`/api/conversations/${c.id}/status`, { method: "POST", token: agent, json: { status: "pending" } })).status).toBe(200);
    await waitFor("paused", async () => (await row()).sla?.state === "paused");
    expect((await row()).slaCheckAt).toBeNull();
    expect((await server.api(`/api/conversations/${c.id}/status`, { method: "POST", token: agent, json: { status: "open" } })).status).toBe(200);
    await waitFor("running again", async () => (await row()).sla?.state === "running");

    server.clock.offsetMs = 10 * 60_000;
    try {
      await server.core.sla.runDue(server.core.now());
      await server.core.sla.runDue(server.core.now());
      expect((await row()).sla).toMatchObject({ state: "breached" });
      const alerts = await server.core.db.select().from(events).where(and(eq(events.conversationId, c.id)));
      expect(alerts.filter((e) => e.type === "sla.at_risk")).toHaveLength(1);
      expect(alerts.filter((e) => e.type === "sla.breached")).toHaveLength(1);
      expect(alerts.find((e) => e.type === "sla.breached")!.data).toMatchObject({ target: "first_response" });
    } finally {
      server.clock.offsetMs = 0;
    }

    // The reply meets the target: nothing runs any more.
    const res = await server.api(`/api/conversations/${c.id}/messages`, { method: "POST", token: agent, json: { clientId: "sla-keeper-reply", text: "hi" } });
    expect(res.status).toBeLessThan(300);
    await waitFor("no SLA running", async () => (await row()).sla === null);
  });

  it("gathers a burst of published chats into one refresh, and idle() (shutdown, tests) does not wait for the window", async () => {
    const c = await newConversation("Sla Gathered");
    await server.core.sla.idle();
    const row = async () => (await server.core.db.select().from(conversations).where(eq(conversations.id, c.id)))[0]!;
    // A summary gone stale behind the keeper's back: only a refresh puts it back.
    await server.core.db.update(conversations).set({ sla: null, slaCheckAt: null }).where(eq(conversations.id, c.id));
    const applied: string[] = [];
    const keeper = new SlaKeeper({ ...server.core, live: { apply: (room) => void applied.push(room) } }, undefined, 3_600_000);
    const live = keeper.watch({ apply: () => {} });
    const published = toConversation(await row());
    for (let i = 0; i < 5; i++) live.apply(`team.${published.teamId}`, [{ kind: "team.conversations", conversations: [published] }]);
    // An hour's window: nothing refreshed yet.
    expect((await row()).sla).toBeNull();
    await keeper.idle();
    expect((await row()).sla).toMatchObject({ state: "running", target: "first_response" });
    // The five publications were refreshed once: one republish into the team's room.
    expect(applied.filter((r) => r === `team.${published.teamId}`)).toHaveLength(1);
    keeper.stop();
  });
});
