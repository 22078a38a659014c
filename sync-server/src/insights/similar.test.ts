import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { SimilarConversationsResponseSchema } from "@inbox/shared/api/insights";
import { conversations } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// Similar conversations (issue 15) over a real server: the open chat is checked like every
// conversation route, and the results are only resolved chats the caller may see.
let server: TestServer;
let seed: NonNullable<TestServer["seed"]>;
let alice = "";
let sam = "";
let ana = "";
let bruno = "";
let open = "";
let supportRefund = "";
let billingRefund = "";

let seq = 0;
async function customerWrites(inboxKey: "site" | "pricing", name: string, text: string): Promise<string> {
  const inbox = seed.inboxIds[inboxKey]!;
  const { token } = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  const res = await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token, json: { clientId: `similar-test-${++seq}-000`, text } });
  expect(res.status).toBe(201);
  const row = await server.core.db.query.conversations.findFirst({ where: eq(conversations.contactName, name) });
  return row!.id;
}

async function replyAndResolve(token: string, id: string, text: string): Promise<void> {
  const reply = await server.api(`/api/conversations/${id}/messages`, { method: "POST", token, json: { clientId: crypto.randomUUID(), text } });
  expect(reply.status).toBeLessThan(300);
  const resolved = await server.api(`/api/conversations/${id}/status`, { method: "POST", token, json: { status: "resolved" } });
  expect(resolved.status).toBe(200);
}

async function similar(token: string, id: string) {
  const res = await server.api(`/api/conversations/${id}/similar`, { token });
  expect(res.status).toBe(200);
  return SimilarConversationsResponseSchema.parse(await res.json());
}

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  seed = server.seed!;
  [alice, sam, ana, bruno] = await Promise.all([server.login("admin@demo.inbox"), server.login("supervisor@demo.inbox"), server.login("ana@demo.inbox"), server.login("bruno@demo.inbox")]);
  // History, all written before the first question (the index is built on first use).
  supportRefund = await customerWrites("site", "Refund Support", "I was charged twice on my card for one order, please refund the double charge");
  await replyAndResolve(ana, supportRefund, "I refunded the duplicate charge; it shows on your card within 5 days.");
  billingRefund = await customerWrites("site", "Refund Billing", "Charged twice!! I need a refund of the second charge on my card");
  await replyAndResolve(alice, billingRefund, "Billing refunded the second charge.");
  // Billing is a team Sam does not lead, nor Ana belong to.
  await server.core.db.update(conversations).set({ teamId: seed.teamIds.billing! }).where(eq(conversations.id, billingRefund));
  await customerWrites("site", "Shipping Question", "Where is my parcel? The tracking has not moved");
  open = await customerWrites("site", "Refund Open", "Hello, my card was charged twice for the same order. Can I get a refund?");
});
afterAll(() => server.stop());

describe("GET /api/conversations/:id/similar", () => {
  it("an admin sees resolved conversations about the same problem, best first, each with the agent's reply before resolution", async () => {
    const { similar: found, searched } = await similar(alice, open);
    expect(searched).toBeGreaterThanOrEqual(2);
    const ids = found.map((s) => s.id);
    expect(ids.slice(0, 2).sort()).toEqual([supportRefund, billingRefund].sort());
    expect(ids).not.toContain(open);
    const support = found.find((s) => s.id === supportRefund)!;
    expect(support).toMatchObject({ contactName: "Refund Support", channel: "webchat", answer: "I refunded the duplicate charge; it shows on your card within 5 days." });
    expect(support.problem).toContain("charged twice");
  });

  it("only resolved conversations: an open chat about the same thing is not offered", async () => {
    const other = await customerWrites("site", "Refund Still Open", "charged twice refund card");
    const { similar: found } = await similar(alice, open);
    expect(found.map((s) => s.id)).not.toContain(other);
  });

  it("a supervisor sees only their teams' results", async () => {
    const ids = (await similar(sam, open)).similar.map((s) => s.id);
    expect(ids).toContain(supportRefund);
    expect(ids).not.toContain(billingRefund);
  });

  it("an agent of the team sees their team's history, not another team's", async () => {
    const ids = (await similar(ana, open)).similar.map((s) => s.id);
    expect(ids).toEqual([supportRefund]);
  });

  it("finds the seeded password chat with how it was answered", async () => {
    const id = await customerWrites("site", "Password Trouble", "I can't reset my password, the page says error");
    const { similar: found } = await similar(ana, id);
    expect(found[0]).toMatchObject({ contactName: "Chen Wei" });
    expect(found[0]!.answer).toContain("Forgot password");
  });

  it("an agent who cannot see the conversation is refused; an unknown one is not found; signed out is 401", async () => {
    expect((await server.api(`/api/conversations/${open}/similar`, { token: bruno })).status).toBe(403);
    expect((await server.api(`/api/conversations/nope-${crypto.randomUUID()}/similar`, { token: alice })).status).toBe(404);
    expect((await server.api(`/api/conversations/${open}/similar`)).status).toBe(401);
  });

  it("a chat moved out of the caller's teams after the index was built is no longer offered", async () => {
    await server.core.db.update(conversations).set({ teamId: seed.teamIds.billing! }).where(eq(conversations.id, supportRefund));
    try {
      expect((await similar(sam, open)).similar.map((s) => s.id)).not.toContain(supportRefund);
    } finally {
      await server.core.db.update(conversations).set({ teamId: seed.teamIds.support! }).where(eq(conversations.id, supportRefund));
    }
  });
});
