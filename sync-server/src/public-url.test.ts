import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminInboxListResponseSchema } from "@inbox/shared";
import { loadConfig, StartupRefusal } from "./config.ts";
import { messages } from "./db/schema.ts";
import { startTestServer, type TestServer } from "./testing/test-server.ts";

// Behind a reverse proxy the server listens on loopback, but people and platforms reach it at
// PUBLIC_URL: every address it hands out is built on that, while its own calls (the demo's
// simulator) still go to where it listens.

const PUBLIC = "https://inbox.example.com/support";

describe("PUBLIC_URL", () => {
  it("is read as a base address without its trailing slash, and a wrong one stops the start in words", () => {
    expect(loadConfig({ PUBLIC_URL: `${PUBLIC}/` }).PUBLIC_URL).toBe(PUBLIC);
    expect(loadConfig({ PUBLIC_URL: "" }).PUBLIC_URL).toBeUndefined();
    for (const wrong of ["inbox.example.com", "ftp://inbox.example.com", "https://inbox.example.com/?a=1", "https://user:pw@inbox.example.com"]) {
      expect(() => loadConfig({ PUBLIC_URL: wrong })).toThrow(StartupRefusal);
      expect(() => loadConfig({ PUBLIC_URL: wrong })).toThrow(/PUBLIC_URL: use the address the inbox is opened at/);
    }
  });

  describe("on a server behind a proxy", () => {
    let server: TestServer;
    let admin: string;
    beforeAll(async () => {
      server = await startTestServer({ publicUrl: PUBLIC });
      admin = await server.login("admin@demo.inbox");
    });
    afterAll(() => server.stop());

    it("webhook addresses in Settings and invitation links point at the public address", async () => {
      const inboxes = AdminInboxListResponseSchema.parse(await (await server.api("/api/admin/inboxes", { token: admin })).json()).inboxes;
      const telegram = inboxes.find((i) => i.channel === "telegram")!;
      expect(telegram.webhookUrl).toBe(`${PUBLIC}/webhooks/telegram/${telegram.id}`);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const res = await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "proxy.person@example.com", role: "agent", teamIds: [] } });
      expect(res.status).toBe(201);
      expect(((await res.json()) as { link: string }).link).toMatch(new RegExp(`^${PUBLIC}/invite#`));
    });

    it("the demo's simulator still reaches the server where it listens", async () => {
      const telegram = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "telegram")!;
      const before = await server.core.db.$count(messages);
      const sent = await server.simulatorApi(`/inboxes/${telegram.id}/customer`, { customer: { externalId: "735900777", name: "Proxy Pia" }, action: { kind: "text", text: "behind the proxy" } });
      expect(sent.status).toBe(200);
      await server.core.webhooks.idle();
      expect(await server.core.db.$count(messages)).toBe(before + 1);
    });
  });
});
