import { SELF } from "cloudflare:test";
import { afterAll, describe, expect, it } from "vitest";
import { db, e, ORIGIN, postWebhook, signIn, telegramUpdate } from "./edge-env.ts";
import { eventually } from "./y-client.ts";

// The local insights run in the Worker too (issue 15): a routing rule on the message's urgency
// (shared/insights, tinyld's light profiles) raises a fraud report arriving by Telegram; similar
// conversations are ranked there as on Node.

let admin: string;
let ruleId: string | null = null;

const api = (path: string, init: { method?: string; json?: unknown } = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${admin}`, ...(init.json ? { "content-type": "application/json" } : {}) },
    body: init.json ? JSON.stringify(init.json) : undefined,
  });

afterAll(async () => {
  // Other files share the workspace: the rule goes with this test.
  if (ruleId) await (await api(`/api/admin/routing-rules/${ruleId}`, { method: "DELETE" })).arrayBuffer();
});

describe("insights on Workers", () => {
  it("a rule on urgency raises a fraud report to urgent, and leaves a greeting alone", async () => {
    admin = await signIn();
    const created = await api("/api/admin/routing-rules", {
      method: "POST",
      json: { name: "Urgent first (edge)", enabled: true, triggers: ["conversation_created"], conditions: [{ type: "urgency", high: true }], actions: [{ type: "set_priority", priority: "urgent" }] },
    });
    expect(created.status).toBe(201);
    ruleId = ((await created.json()) as { rule: { id: string } }).rule.id;

    // Each text carries a tag to find it by, in letters: with a raw UUID's digits about 1 greeting
    // in 300 scored as urgent, and the test failed by chance.
    const tag = () => `ref ${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => String.fromCharCode(97 + (b % 26))).join("")}`;
    const fraud = `Não reconheço essa compra no meu cartão, é golpe! ${tag()}`;
    const hello = `Oi, tudo bem? ${tag()}`;
    expect((await postWebhook(telegramUpdate(5550901, { text: fraud }))).status).toBe(200);
    expect((await postWebhook(telegramUpdate(5550902, { text: hello }))).status).toBe(200);
    const priorityOf = async (text: string) => {
      const rows = await db.execute({ sql: "select c.priority from conversations c join messages m on m.conversation_id = c.id where m.text like ?", args: [`%${text.slice(-16)}%`] });
      return rows.rows[0]?.[0] ?? null;
    };
    await eventually(async () => (await priorityOf(fraud)) === "urgent");
    await eventually(async () => (await priorityOf(hello)) !== null);
    expect(await priorityOf(hello)).toBe("normal");
  });

  it("ranks similar resolved conversations in the Worker (minisearch over the workspace's history)", async () => {
    const [row] = (await db.execute({ sql: "select id from conversations where status != 'resolved' limit 1", args: [] })).rows;
    const res = await api(`/api/conversations/${String(row![0])}/similar?limit=3`);
    expect(res.status).toBe(200);
    expect(Array.isArray(((await res.json()) as { similar: unknown }).similar)).toBe(true);
  });
});
