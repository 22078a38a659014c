import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { DEFAULT_CALENDAR, WidgetConfigResponseSchema, type WidgetLeaveMessageResponse } from "@inbox/shared";
import { contacts, conversations, events, messages } from "../db/schema.ts";
import { agentSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let site: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  site = server.seed!.inboxIds.site!;
  admin = await server.login("admin@demo.inbox");
});
afterAll(() => server.stop());

const closedAllWeek = { ...DEFAULT_CALENDAR, hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
const openAllWeek = {
  ...DEFAULT_CALENDAR,
  hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ start: "00:00", end: "24:00" }]])),
};
const look = { color: "#2563eb", greeting: "Hi!", greetings: {}, position: "bottom-right", avatar: null, teamName: "", leaveMessage: true };

async function setHours(calendar: unknown) {
  expect((await server.api("/api/admin/business-hours", { method: "PUT", token: admin, json: { calendar } })).status).toBe(200);
}
async function config() {
  return WidgetConfigResponseSchema.parse(await (await server.api(`/api/widget/${site}/config`)).json());
}
const leave = (body: unknown) => server.api(`/api/widget/${site}/leave-message`, { method: "POST", json: body });

describe("leave a message, when the chat is closed or nobody is there", () => {
  it("config says live until the form is turned on; then closed outside business hours, nobody when no one is online", async () => {
    await setHours(closedAllWeek);
    expect(await config()).toMatchObject({ mode: "live", offlineReason: null });
    expect((await server.api(`/api/admin/inboxes/${site}/widget`, { method: "POST", token: admin, json: look })).status).toBe(200);
    await waitFor("closed", async () => (await config()).offlineReason === "closed");

    await setHours(openAllWeek);
    // Open, but nobody of the support team has a socket open: nobody is there to answer.
    await waitFor("nobody", async () => (await config()).offlineReason === "nobody");
    const ana = await server.login("ana@demo.inbox");
    const team = server.seed!.teamIds.support!;
    const socket = await agentSocket(`${server.url.replace("http", "ws")}/sync/team.${team}`, ana);
    await waitFor("live once Ana is online", async () => (await config()).mode === "live");
    socket.close();
    await setHours(closedAllWeek);
  });

  it("the form becomes one conversation, labelled as left, with the email on the contact; a retry creates nothing more", async () => {
    const body = { clientId: "leave-0001-aaaa", name: "Lia Night", email: "Lia@Example.com", text: "Please call me back about my refund." };
    const first = await leave(body);
    expect(first.status).toBe(201);
    const made = (await first.json()) as WidgetLeaveMessageResponse;
    // The answer was lost: the widget sends the same form again.
    const again = await leave(body);
    expect(again.status).toBe(200);
    const repeat = (await again.json()) as WidgetLeaveMessageResponse;
    expect(repeat).toMatchObject({ duplicate: true, conversationId: made.conversationId, visitorId: made.visitorId });

    const rows = await server.core.db.select().from(messages).where(and(eq(messages.inboxId, site), eq(messages.clientId, body.clientId)));
    expect(rows).toHaveLength(1);
    const [conv] = await server.core.db.select().from(conversations).where(eq(conversations.id, made.conversationId));
    expect(conv).toMatchObject({ contactName: "Lia Night", labels: ["left-message"], status: "open", visitorId: made.visitorId });
    const [contact] = await server.core.db.select().from(contacts).where(eq(contacts.id, conv!.contactId));
    expect(contact!.email).toBe("lia@example.com");
    expect(contact!.emailLeftAt).not.toBeNull();
    expect(await server.core.db.select().from(contacts).where(eq(contacts.email, "lia@example.com"))).toHaveLength(1);

    // Both tokens open the visitor's chat, which shows their message (and will show the reply).
    for (const token of [made.token, repeat.token]) {
      const history = (await (await server.api(`/api/widget/${site}/messages`, { token })).json()) as { messages: { content: { text?: string } }[] };
      expect(history.messages.map((m) => m.content.text)).toEqual(["Please call me back about my refund."]);
    }
    // Someone else who somehow has the id does not get into that chat.
    const stranger = await leave({ ...body, email: "other@example.com" });
    expect(stranger.status).toBe(409);
  });

  it("refuses in words a form without a valid email or without a message", async () => {
    const noEmail = await leave({ clientId: "leave-0002-bbbb", name: "Ed", email: "not-an-email", text: "Hi" });
    expect(noEmail.status).toBe(400);
    expect(await noEmail.text()).toContain("valid email address");
    const noText = await leave({ clientId: "leave-0003-cccc", name: "Ed", email: "ed@example.com", text: "   " });
    expect(noText.status).toBe(400);
    expect(await noText.text()).toContain("write your message");
  });
});

describe("the visitor's email, left before an answer", () => {
  it("is kept on their contact with when they left it, as an event by the customer", async () => {
    const session = (await (await server.api(`/api/widget/${site}/sessions`, { method: "POST", json: { name: "Quiet Quinn" } })).json()) as { token: string; visitorId: string };
    const sent = await server.api(`/api/widget/${site}/messages`, { method: "POST", token: session.token, json: { clientId: "quinn-msg-0001", text: "Is my order shipped?" } });
    expect(sent.status).toBe(201);
    const bad = await server.api(`/api/widget/${site}/email`, { method: "POST", token: session.token, json: { email: "quinn@" } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("valid email address");
    expect((await server.api(`/api/widget/${site}/email`, { method: "POST", json: { email: "quinn@example.com" } })).status).toBe(401);

    const ok = await server.api(`/api/widget/${site}/email`, { method: "POST", token: session.token, json: { email: "Quinn@Example.com" } });
    expect(ok.status).toBe(200);
    const [contact] = await server.core.db.select().from(contacts).where(eq(contacts.id, session.visitorId));
    expect(contact).toMatchObject({ email: "quinn@example.com" });
    expect(contact!.emailLeftAt).not.toBeNull();
    const updates = await server.core.db.select().from(events).where(and(eq(events.type, "contact.updated"), eq(events.actorId, session.visitorId)));
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actorKind: "customer", data: { fields: ["email"], source: "widget" } });
  });
});
