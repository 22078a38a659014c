import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { newId } from "@inbox/shared";
import * as messenger from "@inbox/connectors/messenger/fake.ts";
import * as whatsapp from "@inbox/connectors/whatsapp/fake.ts";
import { PasswordHasher } from "../auth/index.ts";
import { auditLog, inboxes, messages, teams, webhookEvents } from "../db/schema.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { startTestServer, TEST_PASSWORD_PARAMS, waitFor, type TestServer } from "../testing/test-server.ts";
import { createWorkspace } from "../workspace/index.ts";

// A Meta app's one callback URL serves inboxes of every workspace that names the app. Naming it
// (or a Page id, or a phone-number id) proves nothing: anyone can type them into an inbox's
// credentials. Only the app secret Meta signs with decides who receives, and an id held by
// inboxes of two workspaces that both hold the secret is delivered to neither. Real libSQL, real
// HTTP, requests signed as Meta signs them.

let server: TestServer;
let appId: string;
/** The demo workspace's Messenger and WhatsApp inboxes of the app (they hold its real secret). */
let page: { id: string; workspaceId: string; credentials: Record<string, string> };
let number: { id: string; credentials: Record<string, string> };
let other: { workspaceId: string; teamId: string; admin: string };

async function inboxOf(channel: string) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { row, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

beforeAll(async () => {
  server = await startTestServer();
  const m = await inboxOf("messenger");
  const w = await inboxOf("whatsapp");
  appId = m.row.metaAppId!;
  page = { id: m.row.id, workspaceId: m.row.workspaceId, credentials: m.credentials };
  number = { id: w.row.id, credentials: w.credentials };
  const created = await createWorkspace(
    server.core.db,
    { workspaceName: "Other Co", adminName: "Olga", adminEmail: "olga@other.example", adminPassword: "another long password" },
    { passwords: new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS) },
  );
  const team = await server.core.db.query.teams.findFirst({ where: eq(teams.workspaceId, created.workspaceId) });
  other = { workspaceId: created.workspaceId, teamId: team!.id, admin: await server.login("olga@other.example", "another long password") };
});
afterAll(() => server.stop());

/** The other workspace saves the inbox's credentials without the App ID: it leaves the app. */
async function leaveApp(inboxId: string): Promise<void> {
  const row = await server.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, inboxId) });
  const { appId: _left, ...rest } = await server.core.secrets.open(row!.secretsEnc!);
  await server.core.db.update(inboxes).set({ secretsEnc: await server.core.secrets.seal(rest), metaAppId: null }).where(eq(inboxes.id, inboxId));
}

let connected: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const id of connected) await leaveApp(id);
  connected = [];
});

/** An inbox of the other workspace whose credentials name the app, as its admin would save them. */
async function otherWorkspaceInbox(channel: "messenger" | "whatsapp", credentials: Record<string, string>): Promise<string> {
  const id = newId();
  await server.core.db.insert(inboxes).values({
    id,
    workspaceId: other.workspaceId,
    teamId: other.teamId,
    name: `Other Co ${channel}`,
    channel,
    status: "active",
    settings: {},
    secretsEnc: await server.core.secrets.seal(credentials),
    metaAppId: credentials.appId ?? null,
    createdAt: Date.now(),
  });
  connected.push(id);
  return id;
}

const appUrl = () => `${server.url}/webhooks/meta/${appId}`;
const stored = async (inboxId: string) => (await server.core.db.select().from(webhookEvents).where(eq(webhookEvents.inboxId, inboxId))).length;
const messageWith = (inboxId: string, externalId: string) =>
  waitFor(`message ${externalId} in ${inboxId}`, async () =>
    server.core.db.query.messages.findFirst({ where: and(eq(messages.inboxId, inboxId), eq(messages.externalId, externalId)) }),
  );
const deliver = (hook: { headers: Record<string, string>; body: string }) => fetch(appUrl(), { method: "POST", headers: hook.headers, body: hook.body });
const unroutedIn = async (workspaceId: string) =>
  JSON.stringify((await server.core.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "webhook.unrouted")))).map((a) => a.data));

/** One Messenger delivery with an entry per Page id (one message each), signed with `appSecret`. */
function pagesDelivery(pageIds: string[], tag: string, appSecret: string) {
  const entry = pageIds.map((pageId, i) => ({
    id: pageId,
    time: Date.now(),
    messaging: [messenger.messagingEvent({ from: `psid-${tag}-${i}`, pageId }, { message: { mid: `m_${tag}_${i}`, text: `Private words ${i} (${tag})` } })],
  }));
  return messenger.buildWebhook({ object: "page", entry }, { appSecret });
}

type AdminList = { inboxes: { id: string; name: string; metaApp?: { inboxes: number; problem: string | null } | null }[] };
const adminList = async (token: string) => (await (await server.api("/api/admin/inboxes", { token })).json()) as AdminList;

describe("another workspace naming the same Meta app without its secret", () => {
  it("gets none of the app's deliveries, even for the Page id it claims, and cannot stop the owner's", async () => {
    const squatter = await otherWorkspaceInbox("messenger", { ...page.credentials, appSecret: "a-secret-of-its-own" });
    const before = await stored(page.id);
    const res = await deliver(pagesDelivery([page.credentials.pageId!], "squat", page.credentials.appSecret!));
    // Before, inboxes of one app holding different secrets made the URL answer 409 for everyone.
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("EVENT_RECEIVED");
    expect(await stored(page.id)).toBe(before + 1);
    expect(await stored(squatter)).toBe(0);
    expect((await messageWith(page.id, "m_squat_0")).content).toMatchObject({ text: "Private words 0 (squat)" });
    // Nothing about the owner's traffic lands in the other workspace's audit log either.
    expect(await unroutedIn(other.workspaceId)).not.toContain(page.credentials.pageId!);
  });

  it("signing with its own secret reaches only its own inbox: it cannot put words into the owner's", async () => {
    const squatter = await otherWorkspaceInbox("messenger", { ...page.credentials, appSecret: "a-secret-of-its-own" });
    const before = await stored(page.id);
    const res = await deliver(pagesDelivery([page.credentials.pageId!], "forged", "a-secret-of-its-own"));
    expect(res.status).toBe(200);
    expect(await stored(page.id)).toBe(before);
    expect(await stored(squatter)).toBe(1);
    expect(await server.core.db.query.messages.findFirst({ where: and(eq(messages.inboxId, page.id), eq(messages.externalId, "m_forged_0")) })).toBeUndefined();
  });

  it("Settings shows each workspace only its own inboxes of the app, never the other's names", async () => {
    const squatter = await otherWorkspaceInbox("messenger", { ...page.credentials, appSecret: "a-secret-of-its-own" });
    const demoAdmin = await server.login("admin@demo.inbox");
    const ours = await adminList(demoAdmin);
    const demoMeta = (await server.core.db.query.inboxes.findMany()).filter((r) => r.metaAppId === appId && r.workspaceId === page.workspaceId).length;
    expect(ours.inboxes.find((i) => i.id === page.id)?.metaApp).toMatchObject({ inboxes: demoMeta, problem: null });
    expect(JSON.stringify(ours)).not.toContain("Other Co");
    const theirs = await adminList(other.admin);
    expect(theirs.inboxes.find((i) => i.id === squatter)?.metaApp).toMatchObject({ inboxes: 1, problem: null });
    const demoNames = (await server.core.db.query.inboxes.findMany()).filter((r) => r.workspaceId === page.workspaceId).map((r) => r.name);
    for (const name of demoNames) expect(JSON.stringify(theirs)).not.toContain(name);
  });
});

describe("an id claimed by inboxes of two workspaces that both hold the app secret", () => {
  it("a Page id: delivered to neither, refused loudly in the log and recorded in both audit logs, acknowledged; the rest of the delivery still lands", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    // Two workspaces of one company on one Meta app, both connecting the same Page.
    const twin = await otherWorkspaceInbox("messenger", { ...page.credentials });
    const ownPage = { ...page.credentials, pageId: "500000000000005" };
    const theirsOnly = await otherWorkspaceInbox("messenger", ownPage);
    const before = await stored(page.id);

    const hook = pagesDelivery([page.credentials.pageId!, ownPage.pageId], "twin", page.credentials.appSecret!);
    const res = await deliver(hook);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("EVENT_RECEIVED");
    // The other workspace's own Page reaches its inbox, and only it.
    expect(await stored(theirsOnly)).toBe(1);
    expect((await messageWith(theirsOnly, "m_twin_1")).workspaceId).toBe(other.workspaceId);
    // The shared Page reaches neither.
    expect(await stored(page.id)).toBe(before);
    expect(await stored(twin)).toBe(0);
    expect(await server.core.db.select().from(messages).where(eq(messages.externalId, "m_twin_0"))).toEqual([]);

    const logged = errors.mock.calls.map((c) => c.map(String).join(" ")).filter((line) => line.includes("several workspaces"));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(page.credentials.pageId!);
    expect(logged[0]).toContain(page.id);
    expect(logged[0]).toContain(twin);
    expect(logged[0]).not.toContain("Private words");
    for (const workspaceId of [page.workspaceId, other.workspaceId]) {
      const audit = await unroutedIn(workspaceId);
      expect(audit).toContain(page.credentials.pageId!);
      expect(audit).toMatch(/Inboxes of 2 workspaces hold this messenger id/);
      expect(audit).not.toContain("Private words");
    }

    // Meta's redelivery changes nothing, and is refused in the log again.
    expect((await deliver(hook)).status).toBe(200);
    expect(await stored(page.id)).toBe(before);
    expect(await stored(twin)).toBe(0);
    expect(await stored(theirsOnly)).toBe(1);
    expect(errors.mock.calls.filter((c) => c.map(String).join(" ").includes("several workspaces"))).toHaveLength(2);
  });

  it("a WhatsApp phone-number id: delivered to neither", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const twin = await otherWorkspaceInbox("whatsapp", { ...number.credentials });
    const before = await stored(number.id);
    const payload = whatsapp.textMessage({ from: "5511900000003", id: "wamid.twin-1", text: "Meu CPF é 123", phoneNumberId: number.credentials.phoneNumberId });
    const res = await deliver(whatsapp.buildWebhook(payload, { appSecret: number.credentials.appSecret! }));
    expect(res.status).toBe(200);
    expect(await stored(number.id)).toBe(before);
    expect(await stored(twin)).toBe(0);
    expect(await unroutedIn(other.workspaceId)).toContain(number.credentials.phoneNumberId!);
  });

  it("once the other workspace disconnects it, the next delivery reaches the one inbox left", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const twin = await otherWorkspaceInbox("messenger", { ...page.credentials });
    expect((await deliver(pagesDelivery([page.credentials.pageId!], "held", page.credentials.appSecret!))).status).toBe(200);
    expect(await stored(twin)).toBe(0);
    await leaveApp(twin);
    expect((await deliver(pagesDelivery([page.credentials.pageId!], "after", page.credentials.appSecret!))).status).toBe(200);
    expect((await messageWith(page.id, "m_after_0")).content).toMatchObject({ text: "Private words 0 (after)" });
  });
});
