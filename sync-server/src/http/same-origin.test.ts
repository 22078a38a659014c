import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// CSRF as a browser would carry it out: another site's page posts to the inbox with the agent's
// session cookie attached. A text/plain form post needs no CORS preflight, so before this
// defence only SameSite=Lax stood in the way.

let server: TestServer;
let cookie: string;
let conversationId: string;
beforeAll(async () => {
  server = await startTestServer();
  const login = await server.api("/api/auth/login", { method: "POST", json: { email: "admin@demo.inbox", password: "test-password-1" } });
  cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const list = (await (await server.api("/api/conversations", { headers: { cookie } })).json()) as { conversations: { id: string; status: string }[] };
  conversationId = list.conversations.find((c) => c.status === "open")!.id;
});
afterAll(() => server.stop());

const statusOf = async () => ((await (await server.api(`/api/conversations/${conversationId}`, { headers: { cookie } })).json()) as { conversation: { status: string } }).conversation.status;
const resolve = (headers: Record<string, string>, contentType = "application/json") =>
  fetch(`${server.url}/api/conversations/${conversationId}/status`, {
    method: "POST",
    headers: { cookie, "content-type": contentType, ...headers },
    body: JSON.stringify({ status: "resolved" }),
  });

describe("state-changing requests from other sites", () => {
  it("a text/plain POST with a foreign Origin and the session cookie changes nothing", async () => {
    const res = await resolve({ origin: "https://attacker.example" }, "text/plain");
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "This request came from another website, so it was refused. Open the inbox at its own address and try again.",
    );
    expect(await statusOf()).toBe("open");
  });

  it("is refused whatever the content type when the browser says it is cross-site", async () => {
    const foreign: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }, { origin: `http://evil.${new URL(server.url).host}` }];
    for (const headers of foreign) {
      const res = await resolve(headers);
      expect(res.status).toBe(403);
    }
    expect(await statusOf()).toBe("open");
  });

  it("the inbox's own pages, and API clients that send no Origin, are served", async () => {
    const ownPage = await fetch(`${server.url}/api/conversations/${conversationId}/priority`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: server.url, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ priority: "high" }),
    });
    expect(ownPage.status).toBe(200);
    const oldBrowser = await fetch(`${server.url}/api/conversations/${conversationId}/priority`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ priority: "low" }),
    });
    expect(oldBrowser.status).toBe(200);
    const token = await server.login("admin@demo.inbox");
    expect((await server.api(`/api/conversations/${conversationId}/priority`, { method: "POST", token, json: { priority: "normal" } })).status).toBe(200);
  });

  it("the widget's CORS API and platforms' webhooks are called from elsewhere by design", async () => {
    const inbox = server.seed!.inboxIds.site!;
    const session = await fetch(`${server.url}/api/widget/${inbox}/sessions`, {
      method: "POST",
      headers: { origin: "https://shop.example", "sec-fetch-site": "cross-site", "content-type": "application/json" },
      body: "{}",
    });
    expect(session.status).toBe(201);
    expect(session.headers.get("access-control-allow-origin")).toBe("*");
  });
});
