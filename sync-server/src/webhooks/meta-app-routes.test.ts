import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { newId } from "@inbox/shared";
import * as messenger from "@inbox/connectors/messenger/fake.ts";
import * as whatsapp from "@inbox/connectors/whatsapp/fake.ts";
import { auditLog, inboxes, messages, webhookEvents } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// One callback URL per Meta app (as Meta configures it): a delivery's entries go to the inboxes
// whose Page id / phone-number id they name, stored once before the 200; the per-inbox URLs
// keep working. The demo seed makes its WhatsApp, Messenger and Instagram inboxes one app's.

let server: TestServer;
let appId: string;
let page: { id: string; credentials: Record<string, string> };
let number: { id: string; credentials: Record<string, string> };
let secondPage: { id: string; credentials: Record<string, string> };

async function inboxOf(channel: string) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { row, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

beforeAll(async () => {
  server = await startTestServer();
  const m = await inboxOf("messenger");
  const w = await inboxOf("whatsapp");
  appId = m.row.metaAppId!;
  page = { id: m.row.id, credentials: m.credentials };
  number = { id: w.row.id, credentials: w.credentials };
  // A second Page of the same app, connected as its own inbox.
  const credentials = { ...m.credentials, pageId: "200000000000002" };
  secondPage = { id: newId(), credentials };
  await server.core.db.insert(inboxes).values({ ...m.row, id: secondPage.id, name: "Second Page", secretsEnc: await server.core.secrets.seal(credentials) });
});
afterAll(() => server.stop());

const appUrl = (query = "") => `${server.url}/webhooks/meta/${appId}${query ? `?${query}` : ""}`;
const stored = async (inboxId: string) => (await server.core.db.select().from(webhookEvents).where(eq(webhookEvents.inboxId, inboxId))).length;
const messageWith = (inboxId: string, externalId: string) =>
  waitFor(`message ${externalId} in ${inboxId}`, async () =>
    server.core.db.query.messages.findFirst({ where: and(eq(messages.inboxId, inboxId), eq(messages.externalId, externalId)) }),
  );
function deliver(hook: { headers: Record<string, string>; body: string }, url = appUrl()) {
  return fetch(url, { method: "POST", headers: hook.headers, body: hook.body });
}

/** One Messenger delivery with an entry for each Page id given (one message each). */
function pagesDelivery(pageIds: string[], tag: string) {
  const entry = pageIds.map((pageId, i) => ({
    id: pageId,
    time: Date.now(),
    messaging: [messenger.messagingEvent({ from: `psid-${tag}-${i}`, pageId }, { message: { mid: `m_${tag}_${i}`, text: `Hello page ${i} (${tag})` } })],
  }));
  return messenger.buildWebhook({ object: "page", entry }, { appSecret: page.credentials.appSecret! });
}

describe("the per-app callback URL", () => {
  it("the subscription check answers the challenge for any inbox's verify token of the app, and refuses others", async () => {
    const ok = await fetch(appUrl(messenger.handshakeQuery(number.credentials.verifyToken!, "4242").toString()));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("4242");
    expect((await fetch(appUrl(messenger.handshakeQuery("not-the-token").toString()))).status).toBe(403);
    expect((await fetch(`${server.url}/webhooks/meta/999999999?${messenger.handshakeQuery(number.credentials.verifyToken!).toString()}`)).status).toBe(404);
  });

  it("one signed delivery with entries for two Pages lands in both inboxes; an unknown Page is recorded and skipped", async () => {
    const before = { a: await stored(page.id), b: await stored(secondPage.id) };
    const res = await deliver(pagesDelivery([page.credentials.pageId!, secondPage.credentials.pageId!, "300000000000003"], "two"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("EVENT_RECEIVED");
    // Stored before the answer: the rows are there as soon as the 200 is.
    expect(await stored(page.id)).toBe(before.a + 1);
    expect(await stored(secondPage.id)).toBe(before.b + 1);
    expect((await messageWith(page.id, "m_two_0")).content).toMatchObject({ kind: "text", text: "Hello page 0 (two)" });
    expect((await messageWith(secondPage.id, "m_two_1")).content).toMatchObject({ kind: "text", text: "Hello page 1 (two)" });
    const audit = await server.core.db.query.auditLog.findFirst({ where: and(eq(auditLog.action, "webhook.unrouted"), eq(auditLog.target, appId)) });
    expect(JSON.stringify(audit?.data)).toContain("300000000000003");
    expect(JSON.stringify(audit?.data)).not.toContain("Hello");
  });

  it("a WhatsApp delivery to the same URL reaches the number's inbox by metadata.phone_number_id", async () => {
    const payload = whatsapp.textMessage({ from: "5511900000001", name: "Bia", id: "wamid.app-route-1", text: "Oi pelo app", phoneNumberId: number.credentials.phoneNumberId });
    // A second change in the same entry for a number no inbox holds.
    const other = whatsapp.textMessage({ from: "5511900000002", id: "wamid.app-route-2", text: "elsewhere", phoneNumberId: "777000000000007" }) as { entry: { changes: unknown[] }[] };
    (payload as { entry: { changes: unknown[] }[] }).entry[0]!.changes.push(...other.entry[0]!.changes);
    const res = await deliver(whatsapp.buildWebhook(payload, { appSecret: number.credentials.appSecret! }));
    expect(res.status).toBe(200);
    expect((await messageWith(number.id, "wamid.app-route-1")).content).toMatchObject({ kind: "text", text: "Oi pelo app" });
    expect(await server.core.db.query.messages.findFirst({ where: eq(messages.externalId, "wamid.app-route-2") })).toBeUndefined();
  });

  it("a bad signature is refused with 401 and nothing is stored", async () => {
    const before = { a: await stored(page.id), b: await stored(secondPage.id) };
    const hook = pagesDelivery([page.credentials.pageId!, secondPage.credentials.pageId!], "forged");
    const res = await deliver({ ...hook, headers: { ...hook.headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` } });
    expect(res.status).toBe(401);
    const { headers: _signed, ...unsigned } = hook;
    expect((await deliver({ ...unsigned, headers: { "content-type": "application/json" } })).status).toBe(401);
    expect(await stored(page.id)).toBe(before.a);
    expect(await stored(secondPage.id)).toBe(before.b);
  });

  it("a redelivery is acknowledged and not stored or shown twice", async () => {
    const hook = pagesDelivery([page.credentials.pageId!, secondPage.credentials.pageId!], "again");
    expect((await deliver(hook)).status).toBe(200);
    await messageWith(secondPage.id, "m_again_1");
    const after = { a: await stored(page.id), b: await stored(secondPage.id) };
    const again = await deliver(hook);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe("EVENT_RECEIVED");
    expect(await stored(page.id)).toBe(after.a);
    expect(await stored(secondPage.id)).toBe(after.b);
    const copies = await server.core.db.select().from(messages).where(eq(messages.externalId, "m_again_0"));
    expect(copies).toHaveLength(1);
  });

  it("a signed delivery no channel reads is acknowledged (Meta would retry it forever), stored nowhere and recorded", async () => {
    const before = { a: await stored(page.id), n: await stored(number.id) };
    for (const body of ["not json", JSON.stringify({ object: "permissions", entry: [{ id: "1" }] }), JSON.stringify({ object: "page", entry: [null] })]) {
      const res = await deliver(messenger.buildWebhook(body, { appSecret: page.credentials.appSecret! }));
      expect(res.status, body).toBe(200);
    }
    expect(await stored(page.id)).toBe(before.a);
    expect(await stored(number.id)).toBe(before.n);
  });

  it("the per-inbox URL still works for the same Page", async () => {
    const hook = messenger.buildWebhook(messenger.textMessage({ from: "psid-own-url", id: "m_own_url", text: "Via the inbox URL", pageId: page.credentials.pageId }), page.credentials);
    expect((await deliver(hook, `${server.url}/webhooks/messenger/${page.id}`)).status).toBe(200);
    expect((await messageWith(page.id, "m_own_url")).content).toMatchObject({ text: "Via the inbox URL" });
  });

  it("an inbox of the app holding another app secret gets nothing from the app's URL; the others still get theirs, and Settings says why", async () => {
    await server.core.db
      .update(inboxes)
      .set({ secretsEnc: await server.core.secrets.seal({ ...secondPage.credentials, appSecret: "another-secret" }) })
      .where(eq(inboxes.id, secondPage.id));
    try {
      const before = { a: await stored(page.id), b: await stored(secondPage.id) };
      const res = await deliver(pagesDelivery([page.credentials.pageId!, secondPage.credentials.pageId!], "disagree"));
      expect(res.status).toBe(200);
      expect((await messageWith(page.id, "m_disagree_0")).content).toMatchObject({ text: "Hello page 0 (disagree)" });
      expect(await stored(secondPage.id)).toBe(before.b);
      const unrouted = await server.core.db.select().from(auditLog).where(and(eq(auditLog.action, "webhook.unrouted"), eq(auditLog.target, appId)));
      expect(JSON.stringify(unrouted.map((a) => a.data))).toContain(secondPage.credentials.pageId!);

      const token = await server.login("admin@demo.inbox");
      const { inboxes: list } = (await (await server.api("/api/admin/inboxes", { token })).json()) as { inboxes: { id: string; metaApp?: { problem: string | null } | null }[] };
      expect(list.find((i) => i.id === page.id)?.metaApp?.problem).toMatch(/different app secrets.*Reconnect the others/);
    } finally {
      await server.core.db.update(inboxes).set({ secretsEnc: await server.core.secrets.seal(secondPage.credentials) }).where(eq(inboxes.id, secondPage.id));
    }
  });

  it("Settings → Channels gives the app's callback URL beside each Meta inbox's own", async () => {
    const token = await server.login("admin@demo.inbox");
    const { inboxes: list } = (await (await server.api("/api/admin/inboxes", { token })).json()) as {
      inboxes: { id: string; channel: string; webhookUrl: string | null; metaApp?: { appId: string; webhookUrl: string; inboxes: number; problem: string | null } | null }[];
    };
    const own = list.find((i) => i.id === page.id)!;
    expect(own.webhookUrl).toMatch(new RegExp(`/webhooks/messenger/${page.id}$`));
    expect(own.metaApp).toMatchObject({ appId, problem: null });
    expect(own.metaApp!.webhookUrl).toMatch(new RegExp(`/webhooks/meta/${appId}$`));
    expect(own.metaApp!.inboxes).toBeGreaterThanOrEqual(3);
    expect(list.find((i) => i.channel === "telegram")?.metaApp ?? null).toBeNull();
    expect(JSON.stringify(list)).not.toContain(page.credentials.appSecret!);
  });
});
