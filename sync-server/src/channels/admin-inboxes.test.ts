import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminInboxResponseSchema, type AdminInbox } from "@inbox/shared";
import { createFakeTelegram } from "@inbox/connectors/telegram/fake.ts";
import type { FakePlatform } from "@inbox/connectors/testing";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let fake: FakePlatform;
let admin: string;
const botToken = "123456:AAH-real-looking-token";
beforeAll(async () => {
  // The operator points Telegram at the fake (PLATFORM_API_URLS); workspaces cannot.
  fake = await createFakeTelegram({ botToken }).start();
  server = await startTestServer({ platformApiUrls: { telegram: fake.baseUrl } });
  admin = await server.login("admin@demo.inbox");
});
afterAll(async () => {
  await fake.stop();
  await server.stop();
});

function connect(token: string, credentials: Record<string, string>) {
  return server.api("/api/admin/inboxes", {
    method: "POST",
    token,
    json: { name: "Support bot", channel: "telegram", teamId: server.seed!.teamIds.support, credentials },
  });
}

describe("connecting a channel", () => {
  it("checks the credentials with the platform, stores them encrypted and never shows them again", async () => {
    const res = await connect(admin, { botToken, secretToken: "s3cret-token-value" });
    expect(res.status).toBe(201);
    const { inbox } = AdminInboxResponseSchema.parse(await res.json());
    expect(inbox).toMatchObject({ channel: "telegram", status: "active", hasCredentials: true });
    expect(inbox.webhookUrl).toBe(`${server.url}/webhooks/telegram/${inbox.id}`);
    expect(JSON.stringify(inbox)).not.toContain(botToken);
    expect(fake.requests.some((r) => r.path.endsWith("/getMe"))).toBe(true);
    const row = await server.core.db.query.inboxes.findFirst({ where: (i, { eq }) => eq(i.id, inbox.id) });
    expect(row!.secretsEnc).not.toContain("AAH");
    const list = (await (await server.api("/api/admin/inboxes", { token: admin })).json()) as { inboxes: AdminInbox[] };
    expect(JSON.stringify(list)).not.toContain(botToken);
    const audit = await server.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.target, inbox.id) });
    expect(audit.map((a) => a.action)).toContain("channel.connected");
  });

  it("refuses credentials the platform rejects, saying so, and saves nothing", async () => {
    const before = (await server.core.db.query.inboxes.findMany()).length;
    const res = await connect(admin, { botToken: "999:wrong", secretToken: "s3cret-token-value" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^The platform refused these credentials: /);
    expect((await server.core.db.query.inboxes.findMany()).length).toBe(before);
  });

  it("names the missing fields", async () => {
    const res = await connect(admin, { botToken });
    expect(res.status).toBe(400);
    // The field at fault, and the code the PWA words ("Some fields are not valid: …").
    expect(Object.keys(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).sort()).toEqual(["field_issues", "fields_summary", "reason", "secretToken"]);
  });

  it("is for admins only", async () => {
    const agent = await server.login("ana@demo.inbox");
    expect((await connect(agent, { botToken, secretToken: "s3cret-token-value" })).status).toBe(403);
    expect((await server.api("/api/admin/inboxes", { token: agent })).status).toBe(403);
  });
});
