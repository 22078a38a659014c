import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, DomainEvent, Message } from "@inbox/shared";
import { pageCursor, type MessagePageResponse, type RetryResponse } from "@inbox/shared/api/chat";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let ana: string;
let bruno: string;
beforeAll(async () => {
  server = await startTestServer();
  ana = await server.login("ana@demo.inbox");
  bruno = await server.login("bruno@demo.inbox");
});
afterAll(() => server.stop());

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function conversationNamed(name: string, token = ana): Promise<Conversation> {
  const list = await json<{ conversations: Conversation[] }>(await server.api("/api/conversations", { token }));
  return list.conversations.find((c) => c.contactName === name)!;
}

/** A web chat customer who writes `count` messages. */
async function chattyCustomer(name: string, count: number): Promise<Conversation> {
  const inbox = server.seed!.inboxIds.site!;
  const session = await json<{ token: string }>(await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } }));
  for (let i = 0; i < count; i++) {
    const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: `page-${name.length}-${i}-xxxxxxxx`, text: `line ${i}` } });
    expect(res.status).toBeLessThan(300);
  }
  return conversationNamed(name);
}

const textOf = (m: Message) => (m.content.kind === "text" ? m.content.text : m.content.kind);

describe("older messages, page by page", () => {
  it("walks back through the whole history without gaps or repeats, oldest first in each page", async () => {
    const conv = await chattyCustomer("Paging Paula", 23);
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const q = new URLSearchParams({ limit: "10", ...(before ? { before } : {}) });
      const res = await server.api(`/api/conversations/${conv.id}/messages?${q}`, { token: ana });
      expect(res.status).toBe(200);
      const page = await json<MessagePageResponse>(res);
      pages++;
      seen.unshift(...page.messages.map(textOf));
      if (!page.hasMore) break;
      before = pageCursor(page.messages[0]!);
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `line ${i}`));
  });

  it("a cursor from an earlier version of the app (time and id of a message) still pages from that message", async () => {
    const conv = await conversationNamed("Paging Paula");
    const newest = await json<MessagePageResponse>(await server.api(`/api/conversations/${conv.id}/messages?limit=3`, { token: ana }));
    const oldest = newest.messages[0]!;
    const page = await json<MessagePageResponse>(
      await server.api(`/api/conversations/${conv.id}/messages?${new URLSearchParams({ limit: "2", before: `${oldest.createdAt},${oldest.id}` })}`, { token: ana }),
    );
    expect(page.messages.map(textOf)).toEqual(["line 18", "line 19"]);
    const unknown = await server.api(`/api/conversations/${conv.id}/messages?before=${oldest.createdAt},not-a-message`, { token: ana });
    expect(unknown.status).toBe(400);
  });

  it("is refused to an agent outside the conversation's team, and a malformed cursor is a 400", async () => {
    const conv = await conversationNamed("Paging Paula");
    expect((await server.api(`/api/conversations/${conv.id}/messages`, { token: bruno })).status).toBe(403);
    const bad = await server.api(`/api/conversations/${conv.id}/messages?before=yesterday`, { token: ana });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toBeTruthy();
  });
});

describe("retrying a failed reply", () => {
  async function whatsapp() {
    const rows = await server.core.db.query.inboxes.findMany();
    return rows.find((r) => r.channel === "whatsapp")!;
  }
  async function simulate(inboxId: string, path: string, body: unknown) {
    const res = await server.simulatorApi(`/inboxes/${inboxId}/${path}`, body);
    expect(res.status).toBe(200);
  }
  async function sentTexts(inboxId: string, text: string) {
    const sent = await json<{ sent: { text: string | null; status: number }[] }>(await server.simulatorApi(`/inboxes/${inboxId}/sent`));
    return sent.sent.filter((s) => s.text === text);
  }
  async function messageById(conversationId: string, id: string): Promise<Message> {
    const detail = await json<{ messages: Message[] }>(await server.api(`/api/conversations/${conversationId}`, { token: ana }));
    return detail.messages.find((m) => m.id === id)!;
  }

  it("re-queues the failed message once, and the platform gets it exactly once", async () => {
    const inbox = await whatsapp();
    const customer = { externalId: "5511955557777", name: "Retry Rita" };
    await simulate(inbox.id, "customer", { customer, action: { kind: "text", text: "hello?" } });
    await server.core.webhooks.idle();
    const conv = await conversationNamed("Retry Rita");

    await simulate(inbox.id, "failure", { failure: "blocked" });
    const sent = await json<{ message: Message }>(
      await server.api(`/api/conversations/${conv.id}/messages`, { method: "POST", token: ana, json: { clientId: "retry-rita-0001", text: "Here is your answer" } }),
    );
    await waitFor("failed", async () => (await messageById(conv.id, sent.message.id)).status === "failed");
    const failed = await messageById(conv.id, sent.message.id);
    expect(failed.failureReason).toBeTruthy();

    // The customer unblocked and wrote again (until then replies are refused as unreachable); the
    // agent clicks Retry twice (double click, or a replayed request).
    await simulate(inbox.id, "failure", { failure: "none" });
    await simulate(inbox.id, "customer", { customer, action: { kind: "text", text: "I unblocked you" } });
    await server.core.webhooks.idle();
    const [first, second] = await Promise.all([
      server.api(`/api/messages/${sent.message.id}/retry`, { method: "POST", token: ana }),
      server.api(`/api/messages/${sent.message.id}/retry`, { method: "POST", token: ana }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const results = [await json<RetryResponse>(first), await json<RetryResponse>(second)];
    expect(results.filter((r) => r.requeued)).toHaveLength(1);

    await waitFor("delivered", async () => ["sent", "delivered"].includes((await messageById(conv.id, sent.message.id)).status));
    await server.core.outbox.idle();
    const again = await json<RetryResponse>(await server.api(`/api/messages/${sent.message.id}/retry`, { method: "POST", token: ana }));
    expect(again.requeued).toBe(false);
    await server.core.outbox.idle();

    const attempts = await sentTexts(inbox.id, "Here is your answer");
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(1);
    const delivered = await messageById(conv.id, sent.message.id);
    expect(delivered.failureReason).toBeNull();

    const events = await json<{ events: DomainEvent[] }>(await server.api(`/api/conversations/${conv.id}/events`, { token: ana }));
    const retried = events.events.filter((e) => e.type === "message.retried");
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ actorKind: "agent", data: { messageId: sent.message.id } });
  });

  it("refuses agents outside the team and customers' own messages", async () => {
    const conv = await conversationNamed("Retry Rita");
    const detail = await json<{ messages: Message[] }>(await server.api(`/api/conversations/${conv.id}`, { token: ana }));
    const outbound = detail.messages.find((m) => m.direction === "outbound")!;
    const inbound = detail.messages.find((m) => m.direction === "inbound")!;
    expect((await server.api(`/api/messages/${outbound.id}/retry`, { method: "POST", token: bruno })).status).toBe(403);
    expect((await server.api(`/api/messages/${inbound.id}/retry`, { method: "POST", token: ana })).status).toBe(400);
    expect((await server.api(`/api/messages/no-such-message/retry`, { method: "POST", token: ana })).status).toBe(404);
  });
});
