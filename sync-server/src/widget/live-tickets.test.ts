import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSocket, startTestServer, type TestServer } from "../testing/test-server.ts";

// The widget's live socket is opened with a short-lived ticket, never with the visitor's session
// token in the URL (where it would end up in logs).

let server: TestServer;
let inbox: string;
let visitor: string;
beforeAll(async () => {
  server = await startTestServer();
  inbox = server.seed!.inboxIds.site!;
  visitor = ((await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name: "Tick Et" } })).json()) as { token: string }).token;
});
afterAll(() => server.stop());

const base = () => `${server.url.replace("http", "ws")}/api/widget/${inbox}/live`;

async function ticketFor(token: string, inboxId = inbox): Promise<Response> {
  return server.api(`/api/widget/${inboxId}/live-tickets`, { method: "POST", token });
}

describe("the widget's live socket", () => {
  it("does not open with the session token in the URL", async () => {
    await expect(openSocket(`${base()}?token=${visitor}`)).rejects.toThrow(/401/);
  });

  it("opens with a ticket the widget token obtained, and the ticket is not the token", async () => {
    const res = await ticketFor(visitor);
    expect(res.status).toBe(200);
    const { ticket, expiresAt } = (await res.json()) as { ticket: string; expiresAt: number };
    expect(ticket).not.toContain(visitor);
    expect(expiresAt).toBeGreaterThan(server.core.now());
    const ws = await openSocket(`${base()}?ticket=${encodeURIComponent(ticket)}`);
    ws.close();
  });

  it("refuses a ticket without a valid widget token, a tampered one, one for another inbox, and an expired one", async () => {
    expect((await ticketFor("not-a-token")).status).toBe(401);
    const { ticket } = (await (await ticketFor(visitor)).json()) as { ticket: string };
    const tampered = ticket.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    await expect(openSocket(`${base()}?ticket=${encodeURIComponent(tampered)}`)).rejects.toThrow(/401/);
    const other = server.seed!.inboxIds.pricing!;
    await expect(openSocket(`${server.url.replace("http", "ws")}/api/widget/${other}/live?ticket=${encodeURIComponent(ticket)}`)).rejects.toThrow(/401/);
    server.clock.offsetMs = 2 * 60_000;
    try {
      await expect(openSocket(`${base()}?ticket=${encodeURIComponent(ticket)}`)).rejects.toThrow(/401/);
    } finally {
      server.clock.offsetMs = 0;
    }
  });
});
