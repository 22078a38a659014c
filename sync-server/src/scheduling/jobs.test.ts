import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { ChannelType, Conversation } from "@inbox/shared";
import type { Connector, SendResult } from "@inbox/connectors";
import { conversations, outbox } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { runDueJobs } from "./jobs.ts";

let server: TestServer;
let agent: string;
let supervisor: string;
beforeAll(async () => {
  server = await startTestServer();
  // This test is the only clock: nothing runs unless runDueJobs runs it.
  server.core.outbox.stop();
  server.core.snoozes.stop();
  server.core.router.scheduler.stop();
  server.core.router.presence.stop();
  agent = await server.login("ana@demo.inbox");
  supervisor = await server.login("supervisor@demo.inbox");
});
afterAll(() => server.stop());

async function newConversation(name: string): Promise<Conversation> {
  const inbox = server.seed!.inboxIds.site!;
  const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `hello-${name.replace(/\W/g, "-")}`, text: "hello" } });
  const list = (await (await server.api("/api/conversations", { token: agent })).json()) as { conversations: Conversation[] };
  return list.conversations.find((c) => c.contactName === name)!;
}

async function snooze(id: string, until: number): Promise<void> {
  const res = await server.api(`/api/conversations/${id}/status`, { method: "POST", token: supervisor, json: { status: "snoozed", snoozedUntil: until } });
  expect(res.status).toBe(200);
}

describe("runDueJobs (what a Worker's alarm runs)", () => {
  it("wakes a due snooze and resends a due outbox retry in one call, and says when the next work is due", async () => {
    // Web chat's send fails once (a passing failure), then works.
    const outcomes: SendResult[] = [{ ok: false, kind: "retry", reason: "Platform timed out" }];
    const sent: string[] = [];
    const real = server.core.connectors.get("webchat")!;
    (server.core.connectors as Map<ChannelType, Connector>).set("webchat", {
      ...real,
      async send(message) {
        sent.push(message.messageId);
        return outcomes.shift() ?? { ok: true, externalId: null, delivered: false };
      },
    });
    const replied = await newConversation("Jobs Reply");
    const res = await server.api(`/api/conversations/${replied.id}/messages`, { method: "POST", token: agent, json: { clientId: "jobs-retry-01", text: "one moment" } });
    const { message } = (await res.json()) as { message: { id: string } };
    // The reply's own kick makes the first attempt, which schedules a retry.
    await waitFor("first attempt", () => sent.length === 1);
    await server.core.outbox.idle();
    const retry = await server.core.db.query.outbox.findFirst({ where: eq(outbox.messageId, message.id) });
    expect(retry).toMatchObject({ state: "pending", attempts: 1 });

    const now = server.core.now();
    const soon = await newConversation("Jobs Snooze Soon");
    const later = await newConversation("Jobs Snooze Later");
    await snooze(soon.id, now + 60_000);
    const laterUntil = now + 5 * 3600_000;
    await snooze(later.id, laterUntil);

    server.clock.offsetMs = 3600_000; // the retry and the first snooze are due, the second is not
    try {
      const next = await runDueJobs(server.core);
      expect(sent).toEqual([message.id, message.id]);
      expect((await server.core.db.query.messages.findFirst({ where: (m, { eq }) => eq(m.id, message.id) }))!.status).toBe("sent");
      const [woken] = await server.core.db.select().from(conversations).where(eq(conversations.id, soon.id));
      expect(woken).toMatchObject({ status: "open", snoozedUntil: null });
      const [still] = await server.core.db.select().from(conversations).where(eq(conversations.id, later.id));
      expect(still!.status).toBe("snoozed");
      expect(next).toBe(laterUntil);
    } finally {
      server.clock.offsetMs = 0;
    }
  });
});
