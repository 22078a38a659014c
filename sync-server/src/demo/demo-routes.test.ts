import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PasswordHasher } from "../auth/index.ts";
import { inboxes } from "../db/schema.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { createWorkspace } from "../workspace/index.ts";
import { startTestServer, TEST_PASSWORD_PARAMS, type TestServer } from "../testing/test-server.ts";

// /demo, the sample shop with the web chat, belongs to the demo: it shows the demo workspace's
// web chat (or the signed-in user's, or the one named), never whichever inbox is oldest on the server.

let server: TestServer;
let otherInbox: string;
beforeAll(async () => {
  server = await startTestServer();
  const { workspaceId } = await createWorkspace(
    server.core.db,
    { workspaceName: "Older Shop", adminName: "Olive", adminEmail: "olive@older.example", adminPassword: "a long enough password" },
    { passwords: new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS) },
  );
  const team = (await server.core.db.query.teams.findFirst({ where: (t, { eq }) => eq(t.workspaceId, workspaceId) }))!;
  otherInbox = crypto.randomUUID();
  // Created "before" the demo's inboxes: the oldest web chat on the server.
  await server.core.db.insert(inboxes).values({ id: otherInbox, workspaceId, name: "Older Shop chat", channel: "webchat", teamId: team.id, settings: {}, createdAt: 0 });
});
afterAll(() => server.stop());

const embedded = async (res: Response) => /data-inbox-id="([^"]+)"/.exec(await res.text())?.[1];

describe("/demo", () => {
  it("shows the demo workspace's web chat to a visitor, not another workspace's older inbox", async () => {
    const res = await fetch(`${server.url}/demo`);
    expect(res.status).toBe(200);
    const id = await embedded(res);
    const inbox = await server.core.db.query.inboxes.findFirst({ where: (i, { eq }) => eq(i.id, id!) });
    expect(inbox!.workspaceId).toBe(server.seed!.workspaceId);
  });

  it("shows a signed-in user their own workspace's web chat, and a named inbox when asked", async () => {
    const olive = await server.login("olive@older.example", "a long enough password");
    expect(await embedded(await server.api("/demo", { token: olive }))).toBe(otherInbox);
    expect(await embedded(await fetch(`${server.url}/demo?inbox=${server.seed!.inboxIds.pricing}`))).toBe(server.seed!.inboxIds.pricing);
  });
});
