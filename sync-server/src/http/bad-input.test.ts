import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let inbox: string;
let visitorToken: string;
beforeAll(async () => {
  server = await startTestServer();
  inbox = server.seed!.inboxIds.site!;
  const res = await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: {} });
  visitorToken = ((await res.json()) as { token: string }).token;
});
afterAll(() => server.stop());

async function counts() {
  const [m, c, e, ct] = await Promise.all([
    server.core.db.$count(server.core.db._.fullSchema.messages),
    server.core.db.$count(server.core.db._.fullSchema.conversations),
    server.core.db.$count(server.core.db._.fullSchema.events),
    server.core.db.$count(server.core.db._.fullSchema.contacts),
  ]);
  return { m, c, e, ct };
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
}

describe("bad input gets a clear 4xx and nothing half-written", () => {
  it("malformed JSON", async () => {
    const before = await counts();
    const res = await server.api(`/api/widget/${inbox}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${visitorToken}`, "content-type": "application/json" },
      body: '{"clientId": "abc',
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: "invalid_json", message: "The request body is not valid JSON.", fields: { reason: "body_not_json" } });
    expect(await counts()).toEqual(before);
  });

  it("oversized bodies, whether declared or streamed", async () => {
    const before = await counts();
    const huge = JSON.stringify({ clientId: "too-big-00001", text: "x".repeat(100_000) });
    const res = await server.api(`/api/widget/${inbox}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${visitorToken}`, "content-type": "application/json" },
      body: huge,
    });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toMatch(/too large/);
    // No content-length: the body arrives chunked and is cut off while streaming.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode("x".repeat(4096)));
        controller.close();
      },
    });
    const chunked = await fetch(`${server.url}/api/auth/login`, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("fields that fail validation are named", async () => {
    const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: visitorToken, json: { clientId: "no", text: "   " } });
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe("validation_failed");
    expect(Object.keys(err.fields!).sort()).toEqual(["clientId", "field_issues", "fields_summary", "reason", "text"]);
    expect(err.fields!.reason).toBe("fields_invalid");
    expect(err.fields!.text).toBe("Write something first");
  });

  it("unknown inbox ids", async () => {
    const before = await counts();
    const requests: [string, RequestInit & { json?: unknown; token?: string }][] = [
      ["/config", {}],
      ["/sessions", { method: "POST", json: {} }],
      ["/messages", { method: "POST", token: visitorToken, json: { clientId: "unknown-inbox-01", text: "hi" } }],
    ];
    for (const [path, init] of requests) {
      const res = await server.api(`/api/widget/no-such-inbox${path}`, init);
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toEqual({ code: "not_found", message: "This chat was not found." });
    }
    expect(await counts()).toEqual(before);
  });

  it("missing or foreign widget tokens", async () => {
    const none = await server.api(`/api/widget/${inbox}/messages`);
    expect(none.status).toBe(401);
    const other = server.seed!.inboxIds.pricing!;
    const foreign = await server.api(`/api/widget/${other}/messages`, { token: visitorToken });
    expect(foreign.status).toBe(401);
    expect((await errorOf(foreign)).message).toBe("Your chat session has ended. Please start a new chat.");
  });

  it("a body that is not declared JSON is refused with 415 and a sentence, whatever it contains", async () => {
    const before = await counts();
    const json = JSON.stringify({ clientId: "plain-text-0001", text: "hi" });
    for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, {}] as Record<string, string>[]) {
      const res = await fetch(`${server.url}/api/widget/${inbox}/messages`, { method: "POST", headers: { authorization: `Bearer ${visitorToken}`, ...headers }, body: json });
      expect(res.status).toBe(415);
      expect(await errorOf(res)).toEqual({
        code: "unsupported_media_type",
        message: "The request body must be JSON, sent with the header Content-Type: application/json.",
        fields: { reason: "body_not_json_type" },
      });
    }
    // JSON with a charset, or a +json type, is JSON.
    const ok = await fetch(`${server.url}/api/widget/${inbox}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${visitorToken}`, "content-type": "application/json; charset=utf-8" },
      body: json,
    });
    expect(ok.status).toBe(201);
    expect((await counts()).m).toBe(before.m + 1);
  });

  it("an anonymous caller is answered 401 before the body is read: no schema details", async () => {
    const ana = await server.login("ana@demo.inbox");
    const conv = ((await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: { id: string }[] }).conversations[0]!;
    for (const body of [{ nonsense: true }, { status: 42 }]) {
      const res = await server.api(`/api/conversations/${conv.id}/status`, { method: "POST", json: body });
      expect(res.status).toBe(401);
      const err = await errorOf(res);
      expect(err).toEqual({ code: "unauthenticated", message: "Please sign in to continue.", fields: { reason: "sign_in_required" } });
    }
    // An agent on an admin route hears about their role, not the route's fields.
    const admin = await server.api("/api/admin/kb/articles", { method: "POST", token: ana, json: { wrong: "shape" } });
    expect(admin.status).toBe(403);
    expect((await errorOf(admin)).fields).toEqual({ reason: "no_permission_manageContent" });
  });

  it("unknown API paths and ids", async () => {
    const token = await server.login("admin@demo.inbox");
    expect((await server.api("/api/nope", { token })).status).toBe(404);
    const res = await server.api("/api/conversations/does-not-exist", { token });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toBe("The conversation was not found.");
  });

  it("a disabled channel refuses new customer messages with words the customer understands", async () => {
    const { inboxes } = server.core.db._.fullSchema;
    const { eq } = await import("drizzle-orm");
    await server.core.db.update(inboxes).set({ status: "disabled" }).where(eq(inboxes.id, inbox));
    server.core.caches.inboxes.delete(inbox);
    try {
      const config = (await (await server.api(`/api/widget/${inbox}/config`)).json()) as { available: boolean };
      expect(config.available).toBe(false);
      const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: visitorToken, json: { clientId: "disabled-0001", text: "hello?" } });
      expect(res.status).toBe(409);
      expect((await errorOf(res)).message).toBe("Chat is unavailable right now. Please try again later.");
    } finally {
      await server.core.db.update(inboxes).set({ status: "active" }).where(eq(inboxes.id, inbox));
      server.core.caches.inboxes.delete(inbox);
    }
  });
});
