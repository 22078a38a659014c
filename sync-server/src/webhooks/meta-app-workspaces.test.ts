import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { newId } from "@inbox/shared";
import { FakePlatform } from "@inbox/connectors/testing";
import * as messenger from "@inbox/connectors/messenger/fake.ts";
import * as whatsapp from "@inbox/connectors/whatsapp/fake.ts";
import { PasswordHasher } from "../auth/index.ts";
import { auditLog, inboxes, messages, teams, webhookEvents } from "../db/schema.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { startTestServer, TEST_PASSWORD_PARAMS, waitFor, type TestServer } from "../testing/test-server.ts";
import { createWorkspace } from "../workspace/index.ts";

// A Meta app's one callback URL serves inboxes of every workspace that names the app. Naming it
// (or a Page id, or a phone-number id) proves nothing: anyone can type them into an inbox's
// credentials. Only the app secret Meta signs with decides who receives. An id that inboxes of
// two workspaces hold with that secret cannot be told apart: such a claim is refused when an admin
// makes it, and one made before is delivered to the workspace that connected it first (never to
// none, never to both). Real libSQL, real HTTP, a Graph fake checking the credentials, requests
// signed as Meta signs them.

let server: TestServer;
let appId: string;
/** The demo workspace's Messenger and WhatsApp inboxes of the app (they hold its real secret). */
let page: { id: string; workspaceId: string; credentials: Record<string, string> };
let number: { id: string; credentials: Record<string, string> };
let other: { workspaceId: string; teamId: string; admin: string };
/** Graph fakes answering for the demo's Page and number, so the other workspace can connect them through the admin API. */
let graph: { messenger: FakePlatform; whatsapp: FakePlatform };

async function inboxOf(channel: string) {
  const row = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === channel)!;
  return { row, credentials: await server.core.secrets.open(row.secretsEnc!) };
}

beforeAll(async () => {
  // The demo's inboxes talk to the simulator; inboxes connected through the API talk to these.
  graph = { messenger: await messenger.createFakeMessenger().start(), whatsapp: await new FakePlatform(() => ({ status: 500 })).start() };
  server = await startTestServer({ platformApiUrls: { messenger: graph.messenger.baseUrl, whatsapp: graph.whatsapp.baseUrl } });
  const m = await inboxOf("messenger");
  const w = await inboxOf("whatsapp");
  // Graph answers for the demo's Page and number, whoever asks: holding them is what is tested here.
  graph.messenger.respondWith(messenger.messengerFakeHandler({ pageId: m.credentials.pageId! }));
  graph.whatsapp.respondWith((req) =>
    req.method === "GET" && req.path.endsWith(`/${w.credentials.phoneNumberId!}`) ? { status: 200, body: { verified_name: "Demo Shop", display_phone_number: "+55 11 4000-0000" } } : { status: 500 },
  );
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
afterAll(async () => {
  await server?.stop();
  await graph?.messenger.stop();
  await graph?.whatsapp.stop();
});

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

/**
 * An inbox of the other workspace whose credentials name the app, as its admin saved them before
 * such claims were refused (written straight to the record; the admin API refuses it now).
 */
async function otherWorkspaceInbox(channel: "messenger" | "whatsapp", credentials: Record<string, string>, createdAt = Date.now()): Promise<string> {
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
    createdAt,
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

type AdminList = { inboxes: { id: string; name: string; metaApp?: { inboxes: number; problem: string | null; connectedElsewhere?: boolean } | null }[] };
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
    expect(ours.inboxes.find((i) => i.id === page.id)?.metaApp).toMatchObject({ inboxes: demoMeta, problem: null, connectedElsewhere: false });
    expect(JSON.stringify(ours)).not.toContain("Other Co");
    const theirs = await adminList(other.admin);
    // Its secret is not the one Meta signs the Page's deliveries with: no rival claim, nothing "elsewhere".
    expect(theirs.inboxes.find((i) => i.id === squatter)?.metaApp).toMatchObject({ inboxes: 1, problem: null, connectedElsewhere: false });
    const demoNames = (await server.core.db.query.inboxes.findMany()).filter((r) => r.workspaceId === page.workspaceId).map((r) => r.name);
    for (const name of demoNames) expect(JSON.stringify(theirs)).not.toContain(name);
  });
});

const contestedIn = async (workspaceId: string) =>
  (await server.core.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "webhook.contested")))).map(
    (a) => a.data as { accountId: string; inboxIds: string[]; delivered: boolean; reason: string },
  );
const severalWorkspaces = (errors: { mock: { calls: unknown[][] } }) => errors.mock.calls.map((c) => c.map(String).join(" ")).filter((line) => line.includes("several workspaces"));
const copiesOf = async (externalId: string) => server.core.db.select().from(messages).where(eq(messages.externalId, externalId));

describe("an id that inboxes of two workspaces held with the app secret before such claims were refused", () => {
  it("a Page id: delivered once, to the workspace that connected it first; logged loudly, audited in both, acknowledged; the rest of the delivery lands", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    // Two workspaces of one company on one Meta app, both connecting the same Page; the demo's first.
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
    // The shared Page reaches the inbox that held it first, and only it: the customer's message is not lost.
    expect(await stored(page.id)).toBe(before + 1);
    expect(await stored(twin)).toBe(0);
    expect((await messageWith(page.id, "m_twin_0")).content).toMatchObject({ text: "Private words 0 (twin)" });
    expect((await copiesOf("m_twin_0")).map((m) => m.workspaceId)).toEqual([page.workspaceId]);

    const logged = severalWorkspaces(errors);
    expect(logged).toHaveLength(1);
    for (const id of [page.credentials.pageId!, page.id, twin]) expect(logged[0]).toContain(id);
    expect(logged[0]).not.toContain("Private words");
    // Each workspace's audit log says what happened to it, with only its own inboxes' ids.
    const ours = (await contestedIn(page.workspaceId)).find((a) => a.inboxIds.includes(page.id) && a.accountId === page.credentials.pageId);
    expect(ours).toMatchObject({ delivered: true, inboxIds: [page.id] });
    expect(ours!.reason).toMatch(/delivered here, where it was connected first/);
    const theirs = (await contestedIn(other.workspaceId)).find((a) => a.inboxIds.includes(twin));
    expect(theirs).toMatchObject({ accountId: page.credentials.pageId, delivered: false, inboxIds: [twin] });
    expect(theirs!.reason).toMatch(/connected first, with the same app secret, in another workspace: its messages are delivered there, and none here/);
    const otherAudit = JSON.stringify(await contestedIn(other.workspaceId));
    for (const hidden of [page.id, page.workspaceId, "Private words"]) expect(otherAudit).not.toContain(hidden);

    // Meta's redelivery is stored once (the same delivery keys), and logged again.
    expect((await deliver(hook)).status).toBe(200);
    expect(await stored(page.id)).toBe(before + 1);
    expect(await stored(twin)).toBe(0);
    expect(await stored(theirsOnly)).toBe(1);
    expect(severalWorkspaces(errors)).toHaveLength(2);
  });

  it("the first to connect receives, whichever workspace it is", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const pageRow = await server.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, page.id) });
    const earlier = await otherWorkspaceInbox("messenger", { ...page.credentials }, pageRow!.createdAt - 1);
    const before = await stored(page.id);
    expect((await deliver(pagesDelivery([page.credentials.pageId!], "earlier", page.credentials.appSecret!))).status).toBe(200);
    expect((await messageWith(earlier, "m_earlier_0")).workspaceId).toBe(other.workspaceId);
    expect(await stored(page.id)).toBe(before);
    expect((await contestedIn(page.workspaceId)).find((a) => a.accountId === page.credentials.pageId && !a.delivered)).toBeDefined();
  });

  it("a WhatsApp phone-number id: delivered to the number connected first, not to the other", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const twin = await otherWorkspaceInbox("whatsapp", { ...number.credentials });
    const before = await stored(number.id);
    const payload = whatsapp.textMessage({ from: "5511900000003", id: "wamid.twin-1", text: "Meu CPF é 123", phoneNumberId: number.credentials.phoneNumberId });
    const res = await deliver(whatsapp.buildWebhook(payload, { appSecret: number.credentials.appSecret! }));
    expect(res.status).toBe(200);
    expect(await stored(number.id)).toBe(before + 1);
    expect(await stored(twin)).toBe(0);
    expect((await messageWith(number.id, "wamid.twin-1")).workspaceId).not.toBe(other.workspaceId);
    expect((await contestedIn(other.workspaceId)).find((a) => a.inboxIds.includes(twin))).toMatchObject({ accountId: number.credentials.phoneNumberId, delivered: false });
  });

  it("Settings → Channels tells the later workspace its inbox receives nothing, without naming the other", async () => {
    const twin = await otherWorkspaceInbox("messenger", { ...page.credentials });
    const theirs = await adminList(other.admin);
    expect(theirs.inboxes.find((i) => i.id === twin)?.metaApp).toMatchObject({ connectedElsewhere: true });
    const demoNames = (await server.core.db.query.inboxes.findMany()).filter((r) => r.workspaceId === page.workspaceId).map((r) => r.name);
    for (const hidden of [...demoNames, page.id, page.workspaceId]) expect(JSON.stringify(theirs)).not.toContain(hidden);
    // The workspace that receives it sees nothing wrong with its own inbox.
    const ours = await adminList(await server.login("admin@demo.inbox"));
    expect(ours.inboxes.find((i) => i.id === page.id)?.metaApp).toMatchObject({ connectedElsewhere: false });
  });

  it("once the workspace receiving it disconnects it, the next delivery reaches the one inbox left", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const pageRow = await server.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, page.id) });
    const earlier = await otherWorkspaceInbox("messenger", { ...page.credentials }, pageRow!.createdAt - 1);
    expect((await deliver(pagesDelivery([page.credentials.pageId!], "held", page.credentials.appSecret!))).status).toBe(200);
    expect(await stored(earlier)).toBe(1);
    await leaveApp(earlier);
    expect((await deliver(pagesDelivery([page.credentials.pageId!], "after", page.credentials.appSecret!))).status).toBe(200);
    expect((await messageWith(page.id, "m_after_0")).content).toMatchObject({ text: "Private words 0 (after)" });
  });
});

type Refusal = { error: { code: string; message: string; fields?: Record<string, string> } };
const connect = (token: string, channel: "messenger" | "whatsapp", credentials: Record<string, string>) =>
  server.api("/api/admin/inboxes", { method: "POST", token, json: { name: `Other Co ${channel} (API)`, channel, teamId: other.teamId, credentials } });
const reconnect = (token: string, inboxId: string, credentials: Record<string, string>) =>
  server.api(`/api/admin/inboxes/${inboxId}/reconnect`, { method: "POST", token, json: { credentials } });
const inboxCount = async () => (await server.core.db.query.inboxes.findMany()).length;

/** The refusal says why in a code the PWA words, and nothing about the workspace holding the account. */
async function expectHeldElsewhere(res: Response): Promise<void> {
  expect(res.status).toBe(409);
  const { error } = (await res.json()) as Refusal;
  expect(error.fields?.reason).toBe("meta_account_elsewhere");
  expect(error.message).toMatch(/already connected to another workspace/);
  for (const hidden of [page.workspaceId, page.id, number.id, "Demo"]) expect(JSON.stringify(error)).not.toContain(hidden);
}

describe("claiming an account another workspace holds with the app secret is refused where it is made", () => {
  it("connecting the demo's Page (Messenger) or number (WhatsApp) in another workspace is refused, and nothing is saved", async () => {
    const before = await inboxCount();
    await expectHeldElsewhere(await connect(other.admin, "messenger", { ...page.credentials }));
    await expectHeldElsewhere(await connect(other.admin, "whatsapp", { ...number.credentials }));
    expect(await inboxCount()).toBe(before);
    // Graph was asked first: the platform accepted these credentials, only the claim was refused.
    expect(graph.messenger.requests.some((r) => r.path === "/me")).toBe(true);
  });

  it("the same Page without the App ID (its own URL), or with another secret, is not refused: the signature keeps them apart", async () => {
    const { appId: _none, ...ownUrl } = page.credentials;
    const res = await connect(other.admin, "messenger", ownUrl);
    expect(res.status).toBe(201);
    const withOtherSecret = await connect(other.admin, "messenger", { ...page.credentials, appSecret: "a-secret-of-its-own" });
    expect(withOtherSecret.status).toBe(201);
    const id = ((await withOtherSecret.json()) as { inbox: { id: string } }).inbox.id;
    connected.push(id);
    expect(await stored(id)).toBe(0);
  });

  it("reconnecting another workspace's inbox with the demo's Page is refused, and its credentials stay as they were", async () => {
    const ownPage = { ...page.credentials, pageId: "600000000000006" };
    const inboxId = await otherWorkspaceInbox("messenger", ownPage);
    await expectHeldElsewhere(await reconnect(other.admin, inboxId, { ...page.credentials }));
    const row = await server.core.db.query.inboxes.findFirst({ where: eq(inboxes.id, inboxId) });
    expect((await server.core.secrets.open(row!.secretsEnc!)).pageId).toBe(ownPage.pageId);
  });

  it("of a claim made before, the later inbox's reconnect is refused; the first one's is not (a new token must not stop it receiving)", async () => {
    const twin = await otherWorkspaceInbox("messenger", { ...page.credentials });
    await expectHeldElsewhere(await reconnect(other.admin, twin, { ...page.credentials, pageAccessToken: "EAAG-new-token" }));
    const demoAdmin = await server.login("admin@demo.inbox");
    const res = await reconnect(demoAdmin, page.id, { ...page.credentials });
    expect(res.status).toBe(200);
  });
});
