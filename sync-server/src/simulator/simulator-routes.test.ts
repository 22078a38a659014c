import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PasswordHasher } from "../auth/index.ts";
import { loadConfig } from "../config.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { startNodeServer } from "../node/server.ts";
import { createWorkspace } from "../workspace/index.ts";
import { startTestServer, TEST_PASSWORD_PARAMS, type TestServer } from "../testing/test-server.ts";

// The demo's simulator acts as a workspace's customers and shows what its agents sent them: it
// is for signed-in members of that workspace, and its fake platforms only for the server's own
// connectors. And a server started with its defaults has no demo and no simulator at all.

let server: TestServer;
let whatsappId: string;
let wechatId: string;
beforeAll(async () => {
  server = await startTestServer();
  whatsappId = server.seed!.inboxIds.whatsapp!;
  wechatId = server.seed!.inboxIds.wechat!;
});
afterAll(() => server.stop());

const act = { customer: { externalId: "5511944440001", name: "Sim Sara" }, action: { kind: "text", text: "hello from the simulator" } };
const messageCount = () => server.core.db.$count(server.core.db._.fullSchema.messages);

describe("the simulator", () => {
  it("tells a signed-out visitor to sign in, and its API answers nothing without a session", async () => {
    const page = await fetch(`${server.url}/simulator`);
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain("Sign in first");
    expect(html).toContain('<a href="/">Sign in to the inbox</a>');

    const before = await messageCount();
    for (const [path, init] of [
      ["/simulator/api/channels", {}],
      [`/simulator/api/inboxes/${whatsappId}/sent`, {}],
      [`/simulator/api/inboxes/${whatsappId}/customer`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(act) }],
      [`/simulator/api/inboxes/${whatsappId}/failure`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ failure: "token_expired" }) }],
    ] as const) {
      const res = await fetch(server.url + path, init);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe("Sign in to the inbox in this browser to use the simulator.");
    }
    await server.core.webhooks.idle();
    expect(await messageCount()).toBe(before);
  });

  it("shows a signed-in user only their workspace's simulated inboxes of teams they are in", async () => {
    const page = await server.api("/simulator", { token: await server.login("ana@demo.inbox") });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Channel simulator");

    const names = async (token: string) => ((await (await server.api("/simulator/api/channels", { token })).json()) as { channels: { name: string }[] }).channels.map((c) => c.name).sort();
    expect(await names(await server.login("ana@demo.inbox"))).toEqual(["Instagram", "Messenger", "Telegram", "WhatsApp"]);
    expect(await names(await server.login("bruno@demo.inbox"))).toEqual(["LINE", "WeChat"]);
    expect(await names(await server.login("admin@demo.inbox"))).toEqual(["Instagram", "LINE", "Messenger", "Telegram", "WeChat", "WhatsApp"]);
  });

  it("refuses another team's and another workspace's inboxes as if they did not exist", async () => {
    await createWorkspace(
      server.core.db,
      { workspaceName: "Elsewhere", adminName: "Eve", adminEmail: "eve@elsewhere.example", adminPassword: "a long enough password" },
      { passwords: new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS) },
    );
    const eve = await server.login("eve@elsewhere.example", "a long enough password");
    expect(((await (await server.api("/simulator/api/channels", { token: eve })).json()) as { channels: unknown[] }).channels).toEqual([]);
    const before = await messageCount();
    for (const [token, inbox] of [
      [eve, whatsappId],
      [await server.login("ana@demo.inbox"), wechatId],
    ] as const) {
      expect((await server.api(`/simulator/api/inboxes/${inbox}/sent`, { token })).status).toBe(404);
      expect((await server.api(`/simulator/api/inboxes/${inbox}/customer`, { method: "POST", token, json: act })).status).toBe(404);
    }
    await server.core.webhooks.idle();
    expect(await messageCount()).toBe(before);
  });

  it("does not serve the fake platforms over HTTP: only the server's connectors reach them, in-process", async () => {
    const { phoneNumberId } = (await server.core.secrets.open((await server.core.db.query.inboxes.findFirst({ where: (i, { eq }) => eq(i.id, whatsappId) }))!.secretsEnc!)) as { phoneNumberId: string };
    const outside = await fetch(`${server.url}/simulator/platform/${whatsappId}/v21.0/${phoneNumberId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", to: "5511944440001", type: "text", text: { body: "forged" } }),
    });
    expect(outside.status).toBe(404);
    const sent = (await (await server.simulatorApi(`/inboxes/${whatsappId}/sent`)).json()) as { sent: { text: string | null }[] };
    expect(sent.sent.map((s) => s.text)).not.toContain("forged");
  });
});

describe("a server started with its defaults", () => {
  it("has no demo data, no demo logins, no simulator and no /demo page", async () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ SEED_DEMO: false, ENABLE_SIMULATOR: false, SECURE_COOKIES: "auto", TRUSTED_PROXIES: [] });

    const dir = mkdtempSync(join(tmpdir(), "inbox-defaults-"));
    const plain = await startNodeServer({ dataDir: dir, databaseUrl: `file:${join(dir, "inbox.db")}`, port: 0, host: "127.0.0.1", sessionTtlMs: 3600_000, secureCookies: config.SECURE_COOKIES });
    try {
      expect(plain.seed).toBeNull();
      expect(await plain.core.db.$count(plain.core.db._.fullSchema.users)).toBe(0);
      // Those paths fall through to the PWA's pages like any unknown path: no simulator, no demo shop.
      for (const path of ["/simulator", "/simulator/api/channels", "/demo"]) {
        const res = await fetch(plain.url + path);
        expect(res.headers.get("content-type")).not.toMatch(/json/);
        expect(await res.text()).not.toMatch(/Channel simulator|Acme Outdoor Gear|Sign in first/);
      }
      const login = await fetch(`${plain.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "admin@demo.inbox", password: "demo1234" }) });
      expect(login.status).toBe(401);
    } finally {
      await plain.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
