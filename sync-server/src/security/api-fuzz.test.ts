import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiErrorSchema, CommandsResponseSchema } from "@inbox/shared";
import { contacts, conversations, inboxes } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

/**
 * Random and mutated input to the two APIs most exposed to it: the command API (every agent
 * device replays its outbox there) and the widget API (anyone on the internet). Whatever comes
 * in, the answer is a clear refusal or a result, never a server error.
 */
let server: TestServer;
let agent: string;
let conversationId: string;
let contactId: string;
let inboxId: string;
let visitorToken: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.login("ana@demo.inbox");
  const maria = await server.core.db.query.contacts.findFirst({ where: eq(contacts.name, "Maria Oliveira") });
  const conv = await server.core.db.query.conversations.findFirst({ where: eq(conversations.contactId, maria!.id) });
  conversationId = conv!.id;
  contactId = maria!.id;
  inboxId = conv!.inboxId;
  const inbox = await server.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, inboxId) });
  expect(inbox?.channel).toBe("webchat");
  const res = await server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name: "Fuzz visitor" } });
  visitorToken = ((await res.json()) as { token: string }).token;
});
afterAll(() => server.stop());

/** Refusals the APIs may give to bad input: each with the one error shape and a sentence. */
const REFUSALS = [400, 401, 403, 404, 409, 413, 415, 422, 429];

async function expectClearAnswer(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(REFUSALS, `${what} → ${res.status}`).toContain(res.status);
    const body = ApiErrorSchema.parse(JSON.parse(text));
    expect(body.error.message.length).toBeGreaterThan(5);
    return body;
  }
  return text ? JSON.parse(text) : null;
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

/** Values that break naive code: prototype keys, huge and odd numbers, control characters, deep nesting. */
const nasty = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "", " ", "\u0000", "\ud800", "💥".repeat(3000), "<script>alert(1)</script>", "null", "-1"),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1, 0.5, Number.MIN_VALUE),
  fc.constantFrom(null, true, [], {}, [[[[[[[[[[[]]]]]]]]]]]),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), nasty);

/** A valid command of each type, as the PWA's outbox sends it. */
function validCommands(): Record<string, unknown>[] {
  const base = () => ({ clientId: crypto.randomUUID(), conversationId });
  return [
    { ...base(), type: "reply", text: "Thanks, looking into it." },
    { ...base(), type: "status", status: "pending" },
    { ...base(), type: "priority", priority: "high" },
    { ...base(), type: "assign", assigneeId: null },
    { ...base(), type: "read" },
    { ...base(), type: "contact.update", contactId, patch: { company: "Fuzz Ltd" } },
  ];
}

/** One command with a field replaced, removed or added, or the whole thing replaced. */
const mutatedCommand = fc
  .tuple(fc.nat(5), fc.oneof(fc.constant("clientId"), fc.constant("conversationId"), fc.constant("type"), fc.string({ maxLength: 12 })), anyValue, fc.nat(3))
  .map(([which, key, value, how]) => {
    const command: Record<string, unknown> = validCommands()[which]!;
    if (how === 0) delete command[key];
    else if (how === 3) return value;
    else command[key] = value;
    return command;
  });

describe("the command API under random input", () => {
  it("answers every batch of mutated commands with results or a clear refusal, never a server error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutatedCommand, { minLength: 0, maxLength: 5 }), async (commands) => {
        const res = await post("/api/commands", JSON.stringify({ commands }), { authorization: `Bearer ${agent}` });
        const body = await expectClearAnswer(res, `commands ${JSON.stringify(commands).slice(0, 200)}`);
        if (res.status === 200) expect(CommandsResponseSchema.parse(body).results).toHaveLength(commands.length);
      }),
      { numRuns: 120 },
    );
  });

  it("refuses bodies that are not a command batch at all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue.map((v) => JSON.stringify(v) ?? "null"), fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b))), async (body) => {
        const res = await post("/api/commands", body, { authorization: `Bearer ${agent}` });
        await expectClearAnswer(res, `body ${body.slice(0, 100)}`);
      }),
      { numRuns: 120 },
    );
  });

  it("applies a valid command once however often a fuzzed replay repeats it", async () => {
    const command = { clientId: crypto.randomUUID(), conversationId, type: "priority", priority: "urgent" };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("same", "other"), { minLength: 1, maxLength: 4 }), async (batch) => {
        const commands = batch.map((kind) => (kind === "same" ? command : validCommands()[4]!));
        const res = await post("/api/commands", JSON.stringify({ commands }), { authorization: `Bearer ${agent}` });
        const { results } = CommandsResponseSchema.parse(await expectClearAnswer(res, "replay"));
        for (const [i, kind] of batch.entries()) if (kind === "same") expect(results[i]).toMatchObject({ clientId: command.clientId, ok: true });
      }),
      { numRuns: 20 },
    );
    const events = await server.core.db.query.events.findMany({ where: (e, { and, eq: is }) => and(is(e.conversationId, conversationId), is(e.type, "conversation.priority_changed")) });
    expect(events.filter((e) => e.data.to === "urgent")).toHaveLength(1);
  });
});

describe("the widget API under random input", () => {
  const bearer = () => ({ authorization: `Bearer ${visitorToken}` });

  it("answers random visitor messages with the message or a clear refusal", async () => {
    const message = fc.oneof(
      fc.record({ clientId: fc.oneof(fc.uuid(), fc.string({ maxLength: 80 })), text: fc.oneof(fc.string({ maxLength: 5000 }), nasty) }, { requiredKeys: [] }),
      fc.record({ clientId: fc.uuid(), text: fc.string({ minLength: 1, maxLength: 40 }), choiceId: anyValue }),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(message, async (body) => {
        const res = await post(`/api/widget/${inboxId}/messages`, JSON.stringify(body) ?? "null", bearer());
        await expectClearAnswer(res, `widget message ${JSON.stringify(body)?.slice(0, 200)}`);
      }),
      { numRuns: 120 },
    );
  });

  it("answers random session requests, inbox ids and tokens with a clear refusal or a session", async () => {
    const attempt = fc.record({
      inbox: fc.oneof(fc.constant(inboxId), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent)),
      body: anyValue,
      token: fc.oneof(fc.constant(visitorToken), fc.string({ maxLength: 60 }), fc.constant("")),
    });
    await fc.assert(
      fc.asyncProperty(attempt, async ({ inbox, body, token }) => {
        await expectClearAnswer(await post(`/api/widget/${inbox}/sessions`, JSON.stringify(body) ?? "null"), `session in ${inbox}`);
        const history = await fetch(`${server.url}/api/widget/${inbox}/messages`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        await expectClearAnswer(history, `history in ${inbox}`);
      }),
      { numRuns: 80 },
    );
  });
});
