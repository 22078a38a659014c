import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, type Conversation } from "@inbox/shared";
import { slaPolicies } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { refreshSla } from "./index.ts";

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

describe("the SLA clock from the record", () => {
  it("stores the summary of a calendar-time policy, pauses it while pending, and is met by a reply", async () => {
    const c = await newConversation("Sla Record");
    await server.core.db.insert(slaPolicies).values({
      id: newId(),
      workspaceId: c.workspaceId,
      name: "Default",
      inboxId: null,
      priority: null,
      firstResponseMinutes: 10,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: false,
      atRisk: { unit: "minutes", value: 2 },
      updatedAt: server.core.now(),
    });
    const running = await refreshSla(server.core, c.id);
    expect(running!.sla).toMatchObject({ target: "first_response", state: "running", dueAt: c.createdAt + 10 * 60_000, atRiskAt: c.createdAt + 8 * 60_000, pausedAt: null });
    expect(await refreshSla(server.core, c.id)).toBeNull(); // nothing changed: nothing to write or publish

    expect((await server.api(`/api/conversations/${c.id}/status`, { method: "POST", token: agent, json: { status: "pending" } })).status).toBe(200);
    const paused = await refreshSla(server.core, c.id);
    expect(paused!.sla).toMatchObject({ state: "paused", dueAt: null });

    expect((await server.api(`/api/conversations/${c.id}/status`, { method: "POST", token: agent, json: { status: "open" } })).status).toBe(200);
    const res = await server.api(`/api/conversations/${c.id}/messages`, { method: "POST", token: agent, json: { clientId: "sla-record-reply", text: "hi" } });
    expect(res.status).toBeLessThan(300);
    const met = await refreshSla(server.core, c.id);
    expect(met!.sla).toBeNull();
  });
});
