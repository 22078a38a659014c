import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSocket, startTestServer, type TestServer } from "../testing/test-server.ts";

// A page on another site must not open an agent's live socket with the agent's cookie, and a
// session token is never accepted in a URL.

let server: TestServer;
let token: string;
let url: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.login("ana@demo.inbox");
  url = `${server.url.replace("http", "ws")}/sync/team.${server.seed!.teamIds.support}`;
});
afterAll(() => server.stop());

const cookie = () => ({ cookie: `inbox_session=${token}` });

describe("who may open an agent's socket", () => {
  it("refuses a foreign page's upgrade that carries the agent's cookie", async () => {
    await expect(openSocket(url, { ...cookie(), origin: "https://evil.example" })).rejects.toThrow(/403/);
    await expect(openSocket(url, { ...cookie(), origin: "null" })).rejects.toThrow(/403/);
  });

  it("accepts the app's own origin with the cookie", async () => {
    const ws = await openSocket(url, { ...cookie(), origin: server.url });
    ws.close();
  });

  it("without an Origin, accepts a Bearer token but not a cookie alone", async () => {
    await expect(openSocket(url, cookie())).rejects.toThrow(/403/);
    const ws = await openSocket(url, { authorization: `Bearer ${token}` });
    ws.close();
  });

  it("never takes a session token from the URL", async () => {
    await expect(openSocket(`${url}?token=${token}`)).rejects.toThrow(/401/);
    await expect(openSocket(`${url}?token=${token}`, { origin: server.url })).rejects.toThrow(/401/);
  });
});
