import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { AiSettingsResponseSchema, AiStatusSchema, AiSuggestionResponseSchema, AiTestResponseSchema } from "@inbox/shared/api/ai";
import { BUILT_IN_PERMISSIONS, newId } from "@inbox/shared";
import { auditLog, contacts, conversations, customRoles, users, workspaces } from "../db/schema.ts";
import { FAKE_OPENAI_KEY, startFakeOpenAi, type FakeOpenAi } from "../testing/fake-openai.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// AI assistance through the API: who may configure it and use it, the key kept write-only and
// sealed, each use in the audit log without its text, and redaction on what the provider gets.

let server: TestServer;
let fake: FakeOpenAi;
const tokens: Record<string, string> = {};
let maria = "";
let joao = "";
let workspaceId = "";

beforeAll(async () => {
  [server, fake] = await Promise.all([startTestServer({ aiAllowPrivateUrls: true }), startFakeOpenAi()]);
  const db = server.core.db;
  const conv = async (name: string) => {
    const contact = await db.query.contacts.findFirst({ where: eq(contacts.name, name) });
    return (await db.query.conversations.findFirst({ where: eq(conversations.contactId, contact!.id) }))!.id;
  };
  [maria, joao] = await Promise.all([conv("Maria Oliveira"), conv("João Pereira")]);
  const admin = (await db.query.users.findFirst({ where: eq(users.email, "admin@demo.inbox") }))!;
  workspaceId = admin.workspaceId;
  // A person whose custom role may configure AI and nothing else of an admin's.
  const roleId = newId();
  const at = server.core.now();
  await server.core.writer.write([
    db.insert(customRoles).values({ id: roleId, workspaceId, name: "AI keeper", base: "agent", permissions: { ...BUILT_IN_PERMISSIONS.agent, configureAI: true }, createdAt: at, updatedAt: at }),
    db.insert(users).values({ id: newId(), workspaceId, email: "ai-keeper@demo.inbox", name: "Ada Keeper", role: "agent", customRoleId: roleId, passwordHash: admin.passwordHash, createdAt: at }),
  ]);
  for (const [who, email] of [["admin", "admin@demo.inbox"], ["supervisor", "supervisor@demo.inbox"], ["agent", "ana@demo.inbox"], ["otherTeam", "bruno@demo.inbox"], ["keeper", "ai-keeper@demo.inbox"]] as const) {
    tokens[who] = await server.login(email);
  }
});
afterAll(async () => {
  await Promise.all([server?.stop(), fake?.close()]);
});
beforeEach(() => {
  fake.behave({ kind: "reply" });
  fake.received.length = 0;
});

const settings = (over: Record<string, unknown> = {}) => ({ enabled: true, provider: "openai-compatible", baseUrl: fake.baseUrl, model: "gpt-fake", redact: true, ...over });
const put = (token: string, body: unknown) => server.api("/api/admin/ai", { method: "PUT", token, json: body });
const tool = (path: string, json: unknown, token = tokens["agent"]!) => server.api(`/api/ai/${path}`, { method: "POST", token, json });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
const lastAudit = async (action: string) => (await server.core.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action))).orderBy(desc(auditLog.id)).limit(1))[0];

describe("AI settings", () => {
  it("are off by default, and the tools say so in words", async () => {
    const res = await server.api("/api/admin/ai", { token: tokens["admin"] });
    expect(AiSettingsResponseSchema.parse(await res.json()).settings).toMatchObject({ enabled: false, hasKey: false, redact: true, workersAiAvailable: false });
    expect(AiStatusSchema.parse(await (await server.api("/api/ai/status", { token: tokens["agent"] })).json())).toEqual({ available: false, reason: "off", provider: null });
    const refused = await tool("rewrite", { conversationId: maria, text: "hi", style: "formal" });
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ fields: { reason: "ai_off" }, message: expect.stringContaining("turned off") });
    expect(fake.received).toHaveLength(0);
  });

  it("are for admins and people whose role may configure AI; agents and supervisors are refused in words", async () => {
    for (const who of ["agent", "supervisor"]) {
      const res = await put(tokens[who]!, settings());
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toBe("Your role does not allow configuring AI.");
      expect((await server.api("/api/admin/ai", { token: tokens[who] })).status).toBe(403);
      expect((await server.api("/api/admin/ai/test", { method: "POST", token: tokens[who] })).status).toBe(403);
    }
    expect((await server.api("/api/admin/ai", { token: tokens["keeper"] })).status).toBe(200);
  });

  it("keep the API key write-only: sealed at rest, never answered, never in the audit log", async () => {
    const res = await put(tokens["keeper"]!, { ...settings(), apiKey: FAKE_OPENAI_KEY });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain(FAKE_OPENAI_KEY);
    expect(AiSettingsResponseSchema.parse(JSON.parse(body)).settings).toMatchObject({ enabled: true, hasKey: true, baseUrl: fake.baseUrl, model: "gpt-fake" });
    expect(await (await server.api("/api/admin/ai", { token: tokens["admin"] })).text()).not.toContain(FAKE_OPENAI_KEY);
    const row = await server.core.db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId) });
    expect(JSON.stringify(row!.ai)).not.toContain(FAKE_OPENAI_KEY);
    expect(await server.core.secrets.open(row!.ai!.sealedKey!)).toEqual({ apiKey: FAKE_OPENAI_KEY });
    const entry = (await lastAudit("ai.settings_changed"))!;
    expect(JSON.stringify(entry.data)).not.toContain(FAKE_OPENAI_KEY);
    expect(entry.data).toMatchObject({ before: { enabled: false, hasKey: false }, after: { enabled: true, hasKey: true, model: "gpt-fake" }, keyChanged: true });
    // Saving again without a key keeps the saved one.
    const again = AiSettingsResponseSchema.parse(await (await put(tokens["admin"]!, settings({ model: "gpt-fake-2" }))).json());
    expect(again.settings.hasKey).toBe(true);
    expect((await lastAudit("ai.settings_changed"))!.data).toMatchObject({ before: { model: "gpt-fake" }, after: { model: "gpt-fake-2" }, keyChanged: false });
    await put(tokens["admin"]!, settings());
  });

  it("test the connection in words, as it works or fails", async () => {
    const ok = AiTestResponseSchema.parse(await (await server.api("/api/admin/ai/test", { method: "POST", token: tokens["admin"] })).json());
    expect(ok).toMatchObject({ ok: true, message: expect.stringContaining("Connected: gpt-fake answered") });
    fake.behave({ kind: "unknown_model" });
    const bad = AiTestResponseSchema.parse(await (await server.api("/api/admin/ai/test", { method: "POST", token: tokens["admin"] })).json());
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('does not know the model "gpt-fake"') });
  });

  it("refuse an address the form cannot use, naming why", async () => {
    const res = await put(tokens["admin"]!, settings({ baseUrl: "ftp://example.com" }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields?.["baseUrl"]).toContain("https://");
  });
});

describe("AI tools in the composer", () => {
  it("rewrite a draft for someone who may reply there; the use is recorded without the text; nothing is sent", async () => {
    fake.answerWith(() => "Dear customer, we are looking into your order.");
    const before = (await server.core.db.query.messages.findMany({ where: (m, { eq: is }) => is(m.conversationId, maria) })).length;
    const res = await tool("rewrite", { conversationId: maria, text: "hey, checking ur order", style: "formal" });
    expect(res.status).toBe(200);
    expect(AiSuggestionResponseSchema.parse(await res.json()).suggestion.text).toBe("Dear customer, we are looking into your order.");
    expect(fake.received[0]!.authorization).toBe(`Bearer ${FAKE_OPENAI_KEY}`);
    expect(fake.received[0]!.messages[0]!.content).toContain("more formal");
    expect(fake.received[0]!.messages[1]!.content).toBe("hey, checking ur order");
    const entry = (await lastAudit("ai.used"))!;
    expect(entry).toMatchObject({ target: maria, actorId: expect.any(String) });
    expect(entry.data).toMatchObject({ tool: "rewrite", provider: "openai-compatible", model: "gpt-fake", ok: true, receivedChars: "Dear customer, we are looking into your order.".length });
    expect(entry.data["sentChars"]).toBeGreaterThan(22);
    expect(JSON.stringify(entry.data)).not.toContain("checking ur order");
    expect(JSON.stringify(entry.data)).not.toContain("looking into");
    expect((await server.core.db.query.messages.findMany({ where: (m, { eq: is }) => is(m.conversationId, maria) })).length).toBe(before);
  });

  it("are refused on chats the person may not work on, before saying anything about AI", async () => {
    const res = await tool("rewrite", { conversationId: maria, text: "hello", style: "shorter" }, tokens["otherTeam"]);
    expect(res.status).toBe(403);
    expect(fake.received).toHaveLength(0);
  });

  it("hide emails, phone numbers and card numbers from the provider when redaction is on, and only then", async () => {
    const draft = "Write to ana@example.com or call +55 (11) 91234-5678; card 4111 1111 1111 1111.";
    await tool("rewrite", { conversationId: maria, text: draft, style: "fix" });
    expect(fake.received.at(-1)!.messages[1]!.content).toBe("Write to [email] or call [phone]; card [card number].");
    expect(fake.received.at(-1)!.raw).not.toContain("ana@example.com");
    expect((await lastAudit("ai.used"))!.data).toMatchObject({ redactions: 3 });
    await put(tokens["admin"]!, settings({ redact: false }));
    await tool("rewrite", { conversationId: maria, text: draft, style: "fix" });
    expect(fake.received.at(-1)!.messages[1]!.content).toBe(draft);
    await put(tokens["admin"]!, settings());
  });

  it("translate the draft into the customer's language, told from their messages, and name it", async () => {
    fake.answerWith(() => "Olá João, seu pedido chega amanhã.");
    const res = await tool("translate-draft", { conversationId: joao, text: "Hi João, your order arrives tomorrow." });
    expect(AiSuggestionResponseSchema.parse(await res.json()).suggestion).toMatchObject({ text: "Olá João, seu pedido chega amanhã.", language: "pt", languageName: "Portuguese" });
    expect(fake.received[0]!.messages[0]!.content).toContain("into Portuguese");
  });

  it("translate a customer's message into the agent's language", async () => {
    const message = await server.core.db.query.messages.findFirst({ where: (m, { and: both, eq: is }) => both(is(m.conversationId, joao), is(m.senderKind, "customer")) });
    fake.answerWith(() => "Hello! Do you deliver to Campinas?");
    const res = await tool("translate-message", { conversationId: joao, messageId: message!.id });
    expect(AiSuggestionResponseSchema.parse(await res.json()).suggestion).toMatchObject({ text: "Hello! Do you deliver to Campinas?", language: "en", languageName: "English" });
    expect(fake.received[0]!.messages[1]!.content).toBe(message!.text);
  });

  it("summarise a conversation and draft a reply from the published articles", async () => {
    fake.answerWith((req) => (req.messages[0]!.content.includes("handover") ? "Maria is waiting for order #1043." : "Your order is on its way."));
    const summary = AiSuggestionResponseSchema.parse(await (await tool("summarise", { conversationId: maria })).json()).suggestion;
    expect(summary.text).toBe("Maria is waiting for order #1043.");
    expect(fake.received[0]!.messages[1]!.content).toContain("Customer (Maria Oliveira): Hi, my order #1043");
    const draft = AiSuggestionResponseSchema.parse(await (await tool("draft-reply", { conversationId: maria })).json()).suggestion;
    expect(draft.text).toBe("Your order is on its way.");
    expect(draft.note).toMatch(/^Based on \d+ of \d+ published articles/);
    expect(fake.received[1]!.messages[1]!.content).toContain("# Knowledge-base articles");
  });

  it("pass on a busy provider's wait, and say a broken or slow one in words", async () => {
    fake.behave({ kind: "rate_limited", retryAfter: "20" });
    const busy = await tool("rewrite", { conversationId: maria, text: "hello", style: "shorter" });
    expect(busy.status).toBe(429);
    expect(busy.headers.get("retry-after")).toBe("20");
    expect(await errorOf(busy)).toMatchObject({ code: "rate_limited", fields: { reason: "rate_limited" } });
    fake.behave({ kind: "server_error" });
    const broken = await tool("rewrite", { conversationId: maria, text: "hello", style: "shorter" });
    expect(broken.status).toBe(502);
    expect(await errorOf(broken)).toMatchObject({ code: "ai_unavailable", message: "The AI provider had a problem. Try again in a moment." });
    expect((await lastAudit("ai.used"))!.data).toMatchObject({ ok: false, error: "unavailable" });
  });
});
