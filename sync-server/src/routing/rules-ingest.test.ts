import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { WORK_LABELS, newId } from "@inbox/shared";
import type { RoutingRuleInput } from "@inbox/shared/domain/routing-rules";
import { cannedResponses, events, messages, outbox } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { RoutingFixtures } from "./routing-fixtures.ts";

// Routing rules on the real ingest path: a customer writes through the widget API and the
// rules' changes are in the record, with their events, by the time the message is answered.

let server: TestServer;
let admin: string;
const f = new RoutingFixtures(() => server);

beforeAll(async () => {
  server = await startTestServer();
  await f.init();
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

const db = () => server.core.db;

/** Rules are per workspace: each test's rule names its own fresh inbox, so tests do not meet each other's. */
async function addRule(inboxId: string, rule: Omit<RoutingRuleInput, "enabled" | "triggers"> & Partial<Pick<RoutingRuleInput, "triggers">>) {
  const res = await server.api("/api/admin/routing-rules", {
    method: "POST",
    token: admin,
    json: { triggers: ["conversation_created"], ...rule, conditions: [{ type: "inbox", values: [inboxId] }, ...rule.conditions] },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { rule: { id: string } }).rule.id;
}

async function history(conversationId: string) {
  return db().select().from(events).where(eq(events.conversationId, conversationId)).orderBy(asc(events.at), asc(events.id));
}

/** A visitor says hello, then writes `text` in the same conversation (a customer message, not a new conversation). */
async function writeAgain(inboxId: string, text: string) {
  const session = await server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name: "Returning visitor" } });
  const { token } = (await session.json()) as { token: string };
  const first = await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: `first-${newId()}`, text: "Hello" } });
  const { message } = (await first.json()) as { message: { id: string } };
  const row = await db().query.messages.findFirst({ where: eq(messages.id, message.id) });
  const clientId = `again-${newId()}`;
  const again = await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId, text } });
  expect(again.status).toBe(201);
  return { conversationId: row!.conversationId, token, clientId };
}

describe("routing rules on new conversations and customer messages", () => {
  it("a language rule sends Portuguese chats to a team: the language is read from the message", async () => {
    const { inboxId } = await f.setup("manual", []);
    const billing = server.seed!.teamIds.billing!;
    await addRule(inboxId, { name: "Portuguese to Billing", conditions: [{ type: "contact_language", values: ["pt"] }], actions: [{ type: "set_team", teamId: billing }] });
    const portuguese = await f.customerWrites(inboxId, "Olá, preciso de ajuda com o reembolso do meu pedido");
    const english = await f.customerWrites(inboxId, "Hello, I need help with the refund of my order");
    expect((await f.conversation(portuguese)).teamId).toBe(billing);
    expect((await f.conversation(english)).teamId).not.toBe(billing);
  });

  it("a rule that sets team and priority applies to a new web chat conversation, in its history", async () => {
    const { inboxId, teamId } = await f.setup("manual", []);
    const billing = server.seed!.teamIds.billing!;
    const ruleId = await addRule(inboxId, {
      name: "Refunds to Billing",
      conditions: [{ type: "text_contains", values: ["refund"] }],
      actions: [
        { type: "set_team", teamId: billing },
        { type: "set_priority", priority: "urgent" },
        { type: "add_labels", labels: ["refund"] },
      ],
    });
    const id = await f.customerWrites(inboxId, "I want a REFUND please");
    const conversation = await f.conversation(id);
    expect(conversation).toMatchObject({ teamId: billing, priority: "urgent", labels: ["refund"], assigneeId: null });
    const fired = (await history(id)).filter((e) => e.type === "routing.rule_fired");
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      actorKind: "system",
      data: { ruleId, name: "Refunds to Billing", names: { [billing]: "Billing" }, actions: [{ type: "set_team", teamId: billing }, { type: "set_priority", priority: "urgent" }, { type: "add_labels", labels: ["refund"] }] },
    });
    // Readable over REST by those who may see the chat (Billing's, now).
    const res = await server.api(`/api/conversations/${id}/events`, { token: admin });
    const { events: list } = (await res.json()) as { events: { type: string }[] };
    expect(list.map((e) => e.type)).toEqual(["conversation.created", "message.received", "routing.rule_fired"]);
    // The label is in the work room too (the labels' truth on devices), seeded from the record.
    const room = await server.core.rooms.open(`work.${id}`);
    expect(room.doc.getMap(WORK_LABELS).get("refund")).toBe(true);

    // Another message that does not match fires nothing.
    const other = await f.customerWrites(inboxId, "Where is my parcel?");
    expect(await f.conversation(other)).toMatchObject({ teamId, priority: "normal", labels: [] });
    expect((await history(other)).some((e) => e.type === "routing.rule_fired")).toBe(false);
  });

  it("skip routing leaves the chat unassigned in a routed inbox's queue, through every later queue pass", async () => {
    const { inboxId, teamId } = await f.setup("round_robin", [{ name: "Agent Sky" }]);
    await addRule(inboxId, { name: "Keep VIP chats for a person", conditions: [{ type: "text_contains", values: ["manual please"] }], actions: [{ type: "skip_routing" }] });
    const skipped = await f.customerWrites(inboxId, "Manual please");
    // Nothing was routed on arrival, nor by the passes that follow a freed seat or the sweep.
    await server.core.router.capacityChanged(teamId);
    await server.core.router.scheduler.sweep();
    expect(await f.assigneeOf(skipped)).toBeNull();
    expect(await f.assignedEvents(skipped)).toHaveLength(0);
    // A chat no rule skips still goes out.
    const routed = await f.customerWrites(inboxId, "Hello");
    expect(await f.waitAssigned(routed)).toBeTruthy();
  });

  it("hands a chat to a routing mode even where the inbox routes manually, or to a named agent", async () => {
    const { inboxId, agents } = await f.setup("manual", [{ name: "Agent Moe" }, { name: "Agent Ned" }]);
    await addRule(inboxId, { name: "Least loaded for orders", conditions: [{ type: "text_contains", values: ["order"] }], actions: [{ type: "route", mode: "least_loaded" }] });
    await addRule(inboxId, { name: "Ned takes invoices", conditions: [{ type: "text_contains", values: ["invoice"] }], actions: [{ type: "assign_agent", userId: agents[1]! }] });
    const order = await f.customerWrites(inboxId, "My order is late");
    expect(await f.waitAssigned(order)).toBe(agents[0]);
    const [offer] = await f.assignedEvents(order);
    expect(offer!.data).toMatchObject({ reason: "routing", mode: "least_loaded" });

    const invoice = await f.customerWrites(inboxId, "Send me the invoice");
    // Assigned in the message's own transaction: already so when the widget got its answer.
    expect(await f.assigneeOf(invoice)).toBe(agents[1]);
    const chain = await f.assignedEvents(invoice);
    expect(chain).toHaveLength(1);
    expect(chain[0]!.data).toMatchObject({ from: null, to: agents[1], reason: "rule", ruleName: "Ned takes invoices", why: "The rule “Ned takes invoices” assigns it to Agent Ned." });
  });

  it("a canned reply goes out through the durable outbox as the bot, and the rule's event names it", async () => {
    const { inboxId } = await f.setup("manual", []);
    const workspaceId = (await db().query.inboxes.findFirst({ where: (i, { eq: is }) => is(i.id, inboxId) }))!.workspaceId;
    const cannedId = newId();
    await db().insert(cannedResponses).values({ id: cannedId, workspaceId, shortcut: `hours-${cannedId.slice(0, 6)}`, title: "Opening hours", text: "Hi {{contact.first_name}}, {{agent.name}} we open at 9.", teamId: null, createdBy: null, createdAt: Date.now(), updatedAt: Date.now() });
    await addRule(inboxId, { name: "Hours", conditions: [{ type: "text_contains", values: ["open"] }], actions: [{ type: "send_canned", cannedId }] });
    const id = await f.customerWrites(inboxId, "When do you open?");
    const reply = await db().query.messages.findFirst({ where: and(eq(messages.conversationId, id), eq(messages.direction, "outbound")) });
    // The variables are filled for the customer; one with no value here (no agent) is dropped.
    expect(reply).toMatchObject({ senderKind: "bot", text: expect.stringMatching(/^Hi Visitor, we open at 9\.$/) });
    const fired = (await history(id)).find((e) => e.type === "routing.rule_fired")!;
    expect(fired.data).toMatchObject({ replyMessageId: reply!.id });
    // The outbox sends it like an agent's reply (the web chat connector pushes it to the visitor).
    await waitFor("the automatic reply sent", async () => (await db().query.outbox.findFirst({ where: eq(outbox.messageId, reply!.id) }))?.state === "done");
    await waitFor("the reply marked sent", async () => ["sent", "delivered"].includes((await db().query.messages.findFirst({ where: eq(messages.id, reply!.id) }))!.status));
    // The bot's reply is no agent's first response: the customer still waits for a person.
    expect(await f.conversation(id)).toMatchObject({ firstResponseAt: null, waitingSince: expect.any(Number) });
  });

  it("labels a rule adds reach a work room that is open at the time", async () => {
    const { inboxId } = await f.setup("manual", []);
    await addRule(inboxId, { name: "Tag complaints", triggers: ["customer_message"], conditions: [{ type: "text_contains", values: ["complaint"] }], actions: [{ type: "add_labels", labels: ["complaint"] }] });
    const { conversationId, token } = await writeAgain(inboxId, "Hello");
    const room = await server.core.rooms.open(`work.${conversationId}`);
    expect(room.doc.getMap(WORK_LABELS).size).toBe(0);
    const sent = await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: `c-${newId()}`, text: "This is a complaint" } });
    expect(sent.status).toBe(201);
    expect(room.doc.getMap(WORK_LABELS).get("complaint")).toBe(true);
    expect((await f.conversation(conversationId)).labels).toEqual(["complaint"]);
  });

  it("customer-message rules run on later messages too; a repeated message fires nothing twice; moving team hands an assigned chat back", async () => {
    const { inboxId, agents } = await f.setup("manual", [{ name: "Agent Oz" }]);
    const sales = server.seed!.teamIds.sales!;
    await addRule(inboxId, {
      name: "Cancellations to Sales",
      triggers: ["customer_message"],
      conditions: [{ type: "text_contains", values: ["cancel"] }],
      actions: [{ type: "set_team", teamId: sales }, { type: "set_priority", priority: "high" }],
    });
    const { conversationId, token, clientId } = await writeAgain(inboxId, "I want to cancel");
    expect(await f.conversation(conversationId)).toMatchObject({ teamId: sales, priority: "high" });
    expect((await history(conversationId)).filter((e) => e.type === "routing.rule_fired")).toHaveLength(1);
    // The same message again (a retry): stored once, rules fired once.
    const repeat = await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId, text: "I want to cancel" } });
    expect(repeat.status).toBeLessThan(300);
    expect((await history(conversationId)).filter((e) => e.type === "routing.rule_fired")).toHaveLength(1);

    // An assigned chat moved by a rule goes back to the new team's queue, recorded as one chain.
    const { conversationId: held, token: heldToken } = await writeAgain(inboxId, "Hello there");
    const oz = await f.loginAs(agents[0]!);
    expect((await server.api(`/api/conversations/${held}/assign`, { method: "POST", token: oz, json: { assigneeId: agents[0] } })).status).toBe(200);
    const cancel = await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token: heldToken, json: { clientId: `c-${newId()}`, text: "Please cancel it" } });
    expect(cancel.status).toBe(201);
    expect(await f.conversation(held)).toMatchObject({ teamId: sales, assigneeId: null });
    const chain = await f.assignedEvents(held);
    expect(chain.map((e) => [e.data.from ?? null, e.data.to ?? null])).toEqual([
      [null, agents[0]],
      [agents[0], null],
    ]);
    expect(chain[1]!.data).toMatchObject({ reason: "rule", toTeam: sales });
  });
});
