import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandSchema, CommandsResponseSchema, ROOM_KINDS } from "@inbox/shared";
import { openSocket, startTestServer, type TestServer } from "../testing/test-server.ts";
import { buildAccessFixture, WHO, type AccessFixture, type Who } from "./access-fixture.ts";
import { COMMANDS, GUARDED, MIDDLEWARE, ROOMS, ROUTES, renderMatrix, type Outcome, type Req } from "./access-matrix.ts";

const SECURITY_MD = fileURLToPath(new URL("../../../docs/SECURITY.md", import.meta.url));

let server: TestServer;
let fx: AccessFixture;
beforeAll(async () => {
  server = await startTestServer();
  fx = await buildAccessFixture(server);
});
afterAll(() => server.stop());

async function send(who: Who, req: Req, ownSession = false): Promise<Response> {
  const headers = new Headers(req.headers);
  if (who !== "signedOut") headers.set("authorization", `Bearer ${ownSession ? await fx.freshToken(who) : fx.tokens[who]}`);
  let body = req.body;
  if (req.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(req.json);
  }
  return fetch(server.url + req.path, { method: req.method, headers, body });
}

function expectOutcome(
  what: string,
  who: Who,
  outcome: Outcome,
  status: number,
  text: string,
  extra: { alsoAllowed?: number[]; alsoDenied?: number[]; secret?: string },
) {
  const said = `${what} as ${who}: ${status} ${text.slice(0, 300)}`;
  if (outcome === "denied") {
    if (who === "signedOut") expect(status, said).toBe(401);
    else expect([403, 404, ...(extra.alsoDenied ?? [])], said).toContain(status);
    return;
  }
  const ok = (status >= 200 && status < 300) || (extra.alsoAllowed ?? []).includes(status);
  expect(ok, said).toBe(true);
  if (outcome === "scoped") {
    expect(extra.secret, `${what}: a scoped row needs a secret`).toBeTruthy();
    expect(text.includes(extra.secret!), `${said} — shows the Support team's ${extra.secret}`).toBe(false);
  }
}

describe("the access matrix", () => {
  it("has exactly one row for every route the app registers", () => {
    const registered = new Set(server.app.routes.map((r) => `${r.method} ${r.path}`));
    const rows = [...ROUTES.map((r) => r.route), ...GUARDED.map((g) => g.route), ...MIDDLEWARE];
    const missing = [...registered].filter((r) => !rows.includes(r));
    expect(missing, "routes with no row in sync-server/src/security/access-matrix.ts").toEqual([]);
    const stale = rows.filter((r) => !registered.has(r));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
    expect(new Set(rows).size, "a route has two rows").toBe(rows.length);
  });

  it("is what docs/SECURITY.md shows (run `npm run docs:matrix` after changing a row)", () => {
    const doc = readFileSync(SECURITY_MD, "utf8");
    const shown = /<!-- matrix:start -->\n([\s\S]*?)\n<!-- matrix:end -->/.exec(doc)?.[1];
    expect(shown).toBe(renderMatrix());
  });

  it("covers every room kind and every command type", () => {
    const commandTypes = CommandSchema.options.map((o) => o.shape.type.value).sort();
    expect(COMMANDS.map((c) => c.type).sort()).toEqual(commandTypes);
    expect(ROOMS.map((r) => r.kind.split(".")[0]).sort()).toEqual([...ROOM_KINDS].sort());
  });
});

describe.each(ROUTES)("$route", (row) => {
  it.each(WHO)("as %s", async (who) => {
    const res = await send(who, await row.request(fx, who), row.ownSession);
    expectOutcome(row.route, who, row.expect[who], res.status, await res.text(), { alsoAllowed: row.alsoAllowed, alsoDenied: row.alsoDenied, secret: row.secret?.(fx) });
  });
});

describe.each(ROOMS)("room $kind", (row) => {
  it.each(WHO)("as %s", async (who) => {
    const headers: Record<string, string> = { origin: server.url };
    if (who !== "signedOut") headers.authorization = `Bearer ${fx.tokens[who]}`;
    const status = await openSocket(`${server.url.replace("http", "ws")}/sync/${row.room(fx)}`, headers).then(
      (ws) => {
        ws.close();
        return 101;
      },
      (err: Error) => Number(/refused with (\d+)/.exec(err.message)?.[1] ?? 0),
    );
    if (row.expect[who] === "allowed") expect(status, `${row.kind} as ${who}`).toBe(101);
    else if (who === "signedOut") expect(status).toBe(401);
    else expect([403, 404]).toContain(status);
  });
});

describe.each(COMMANDS)("command $type", (row) => {
  it.each(WHO)("as %s", async (who) => {
    const { conversationId, contactId } = await fx.freshConversation();
    const command = { clientId: crypto.randomUUID(), ...row.command(fx, conversationId, contactId, who) };
    const res = await send(who, { method: "POST", path: "/api/commands", json: { commands: [command] } });
    if (who === "signedOut") return expect(res.status).toBe(401);
    expect(res.status).toBe(200);
    const [result] = CommandsResponseSchema.parse(await res.json()).results;
    if (row.expect[who] === "allowed") expect(result, `${row.type} as ${who}`).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, code: expect.stringMatching(/^(forbidden|not_found)$/) });
  });
});

describe("routes guarded by something other than a session", () => {
  it("refuse callers without their credential", async () => {
    const anon = (path: string, init: RequestInit = {}) => fetch(server.url + path, init).then((r) => r.status);
    const inbox = fx.inbox.id;
    expect(await anon(`/api/widget/${inbox}/messages`)).toBe(401);
    expect(await anon(`/api/widget/${inbox}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientId: crypto.randomUUID(), text: "hi" }) })).toBe(401);
    expect(await anon(`/media/00000000-0000-0000-0000-000000000000.png`)).toBe(401);
    const whatsapp = await server.core.db.query.inboxes.findFirst({ where: (i, { eq }) => eq(i.channel, "whatsapp") });
    expect(await anon(`/webhooks/whatsapp/${whatsapp!.id}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).toBe(401);
    if (whatsapp!.metaAppId) {
      expect(await anon(`/webhooks/meta/${whatsapp!.metaAppId}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).toBe(401);
      expect(await anon(`/webhooks/meta/${whatsapp!.metaAppId}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`)).toBe(403);
    }
    expect(await anon(`/webhooks/meta/123456789`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).toBe(404);
    expect(await anon(`/api/widget/${inbox}/live-tickets`, { method: "POST" })).toBe(401);
    const forged = await openSocket(`${server.url.replace("http", "ws")}/api/widget/${inbox}/live?ticket=forged`).then(
      (ws) => (ws.close(), "open"),
      (err: Error) => err.message,
    );
    expect(forged).toBe("refused with 401");
    expect(await anon("/kb/no-such-article")).toBe(404);
    const draft = await fx.freshArticle({ published: false });
    const slug = (await server.core.db.query.kbArticles.findFirst({ where: (a, { eq }) => eq(a.id, draft) }))!.slug;
    expect(await anon(`/kb/${fx.inbox.workspaceId}/${slug}`)).toBe(404);
  });
});
