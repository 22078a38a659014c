import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandResult, Conversation } from "@inbox/shared";
import { PasswordHasher } from "../auth/index.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { startTestServer, TEST_PASSWORD_PARAMS, waitFor, type TestServer } from "../testing/test-server.ts";
import { createWorkspace } from "../workspace/index.ts";

let server: TestServer;
let admin: string;
let sam: string;
let ana: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login("admin@demo.inbox");
  sam = await server.login("supervisor@demo.inbox");
  ana = await server.login("ana@demo.inbox");
});
afterAll(() => server.stop());

async function commands(token: string, list: object[]): Promise<CommandResult[]> {
  const res = await server.api("/api/commands", { method: "POST", token, json: { commands: list } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CommandResult[] }).results;
}

async function supportConversation(): Promise<Conversation> {
  const inbox = server.seed!.inboxIds.site!;
  const name = `Cmd ${crypto.randomUUID().slice(0, 8)}`;
  const session = (await (await server.api(`/api/widget/${inbox}/sessions`, { method: "POST", json: { name } })).json()) as { token: string };
  expect((await server.api(`/api/widget/${inbox}/messages`, { method: "POST", token: session.token, json: { clientId: crypto.randomUUID(), text: "hello" } })).status).toBe(201);
  return waitFor(`${name}'s conversation`, async () => {
    const list = (await (await server.api("/api/conversations", { token: admin })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === name);
  });
}

const usersByEmail = async () =>
  Object.fromEntries(((await (await server.api("/api/users", { token: admin })).json()) as { users: { id: string; email: string }[] }).users.map((u) => [u.email, u.id]));

describe("command client ids", () => {
  it("are unique per workspace: another workspace's user may use the same id and gets their own outcome", async () => {
    await createWorkspace(
      server.core.db,
      { workspaceName: "Second", adminName: "Sid", adminEmail: "sid@second.example", adminPassword: "a long enough password" },
      { passwords: new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS) },
    );
    const sid = await server.login("sid@second.example", "a long enough password");
    const conv = await supportConversation();
    const clientId = "shared-client-id-0001";
    const [ours] = await commands(ana, [{ type: "priority", clientId, conversationId: conv.id, priority: "high" }]);
    expect(ours).toMatchObject({ ok: true });
    // In another workspace the same id is simply new: Sid is told about his own request (the
    // conversation is not his), not that someone else used the id.
    const [theirs] = await commands(sid, [{ type: "priority", clientId, conversationId: conv.id, priority: "low" }]);
    expect(theirs).toMatchObject({ ok: false, code: "not_found" });
    // Within a workspace an id stays one person's.
    const [colleague] = await commands(sam, [{ type: "priority", clientId, conversationId: conv.id, priority: "low" }]);
    expect(colleague).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("the assignment policy", () => {
  it("an agent takes chats nobody has and hands back their own, but cannot take a chat a supervisor holds; supervisors reassign", async () => {
    const ids = await usersByEmail();
    const conv = await supportConversation();
    const assign = (token: string, assigneeId: string | null) => commands(token, [{ type: "assign", clientId: crypto.randomUUID(), conversationId: conv.id, assigneeId }]);

    expect((await assign(ana, ids["ana@demo.inbox"]!))[0]).toMatchObject({ ok: true, conversation: { assigneeId: ids["ana@demo.inbox"] } });
    expect((await assign(ana, null))[0]).toMatchObject({ ok: true, conversation: { assigneeId: null } });

    expect((await assign(sam, ids["supervisor@demo.inbox"]!))[0]).toMatchObject({ ok: true });
    const [taken] = await assign(ana, ids["ana@demo.inbox"]!);
    expect(taken).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "This chat is assigned to Sam Supervisor. Only a supervisor or admin can reassign it; ask them, or ask Sam to hand it back.",
    });
    const [handOff] = await assign(ana, null);
    expect(handOff).toMatchObject({ ok: false, code: "forbidden" });

    expect((await assign(sam, ids["ana@demo.inbox"]!))[0]).toMatchObject({ ok: true, conversation: { assigneeId: ids["ana@demo.inbox"] } });
    expect((await assign(admin, ids["supervisor@demo.inbox"]!))[0]).toMatchObject({ ok: true, conversation: { assigneeId: ids["supervisor@demo.inbox"] } });
  });
});
