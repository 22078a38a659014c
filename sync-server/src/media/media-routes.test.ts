import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WidgetFrameSchema, type CommandResult, type Conversation, type WidgetFrame, type WidgetMessage } from "@inbox/shared";
import type { UploadResponse } from "@inbox/shared/api/uploads";
import { PasswordHasher } from "../auth/index.ts";
import { recordMedia } from "./media-access.ts";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { createWorkspace } from "../workspace/index.ts";
import { openSocket, startTestServer, TEST_PASSWORD_PARAMS, waitFor, type TestServer } from "../testing/test-server.ts";

// Agents' attachments in web chat: the visitor has no session, so their widget gets links
// signed for them. A link opens its own file, for a day; not another file, not after it
// expires, not with a changed signature; and /media stays closed without one.

let server: TestServer;
let siteInbox: string;
let ana: string;

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

interface Visitor {
  token: string;
  conversation: Conversation;
  frames: WidgetFrame[];
}

async function startVisitor(name: string): Promise<Visitor> {
  const res = await server.api(`/api/widget/${siteInbox}/sessions`, { method: "POST", json: { name } });
  expect(res.status).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const frames: WidgetFrame[] = [];
  const live = await openSocket(await server.widgetLiveUrl(siteInbox, token));
  live.on("message", (data) => frames.push(WidgetFrameSchema.parse(JSON.parse(String(data)))));
  const sent = await server.api(`/api/widget/${siteInbox}/messages`, { method: "POST", token, json: { clientId: crypto.randomUUID(), text: `hi, ${name} here` } });
  expect(sent.status).toBe(201);
  const conversation = await waitFor(`${name}'s conversation`, async () => {
    const list = (await (await server.api("/api/conversations", { token: ana })).json()) as { conversations: Conversation[] };
    return list.conversations.find((c) => c.contactName === name);
  });
  return { token, conversation, frames };
}

/** Ana uploads an image and replies with it in the visitor's conversation. */
async function sendImage(conversationId: string, filename: string): Promise<string> {
  const up = await server.api(`/api/uploads?conversationId=${conversationId}&filename=${filename}`, {
    method: "POST",
    token: ana,
    headers: { "content-type": "image/png" },
    body: PNG as Uint8Array<ArrayBuffer>,
  });
  expect(up.status).toBe(201);
  const { url } = (await up.json()) as UploadResponse;
  const res = await server.api("/api/commands", {
    method: "POST",
    token: ana,
    json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId, text: "", content: { kind: "image", url, mimeType: "image/png" } }] },
  });
  expect(((await res.json()) as { results: CommandResult[] }).results[0]).toMatchObject({ ok: true });
  return url;
}

async function historyImage(v: Visitor): Promise<string> {
  const res = await server.api(`/api/widget/${siteInbox}/messages`, { token: v.token });
  const { messages } = (await res.json()) as { messages: WidgetMessage[] };
  const image = messages.find((m) => m.content.kind === "image");
  if (image?.content.kind !== "image") throw new Error("no image in the history");
  return image.content.url;
}

/** Fetched as the widget does on a customer's website: no cookie, no token. */
const fetchMedia = (url: string) => fetch(server.url + url, { credentials: "omit" });

let alice: Visitor;
let bob: Visitor;
let aliceKey: string;

beforeAll(async () => {
  server = await startTestServer();
  siteInbox = server.seed!.inboxIds.site!;
  ana = await server.login("ana@demo.inbox");
  alice = await startVisitor("Alice Media");
  bob = await startVisitor("Bob Media");
  aliceKey = (await sendImage(alice.conversation.id, "alice.png")).slice("/media/".length);
  await sendImage(bob.conversation.id, "bob.png");
});
afterAll(() => server?.stop());

describe("media links for web chat visitors", () => {
  it("the visitor's widget receives the agent's image with a signed link that opens it without a session", async () => {
    const frame = await waitFor("the image pushed to Alice's widget", () =>
      alice.frames.find((f) => f.type === "message" && f.message.content.kind === "image"),
    );
    const pushed = frame.type === "message" && frame.message.content.kind === "image" ? frame.message.content.url : "";
    expect(pushed).toMatch(new RegExp(`^/media/${aliceKey.replace(".", "\\.")}\\?exp=\\d+&sig=[\\w-]{43}$`));
    const res = await fetchMedia(pushed);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    // The history hands out links too (fresh ones, on every load).
    expect((await fetchMedia(await historyImage(alice))).status).toBe(200);
  });

  it("without a signature /media still needs an agent's session", async () => {
    expect((await fetchMedia(`/media/${aliceKey}`)).status).toBe(401);
    expect((await server.api(`/media/${aliceKey}`, { token: ana })).status).toBe(200);
  });

  it("a visitor's link does not open another visitor's file", async () => {
    const bobs = new URL(await historyImage(bob), server.url);
    expect((await fetchMedia(bobs.pathname + bobs.search)).status).toBe(200);
    const res = await fetchMedia(`/media/${aliceKey}${bobs.search}`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired or is not valid/);
  });

  it("a changed signature or expiry is refused", async () => {
    const link = new URL(await historyImage(alice), server.url);
    const sig = link.searchParams.get("sig")!;
    const tampered = new URL(link);
    tampered.searchParams.set("sig", (sig[0] === "A" ? "B" : "A") + sig.slice(1));
    expect((await fetchMedia(tampered.pathname + tampered.search)).status).toBe(403);
    const later = new URL(link);
    later.searchParams.set("exp", String(Number(link.searchParams.get("exp")) + 3600));
    expect((await fetchMedia(later.pathname + later.search)).status).toBe(403);
    expect((await fetchMedia(`${link.pathname}?sig=${sig}`)).status).toBe(403);
  });

  it("a link stops working once it expires; the widget's next history load gives a working one", async () => {
    const link = await historyImage(alice);
    server.clock.offsetMs = 25 * 60 * 60 * 1000;
    try {
      expect((await fetchMedia(link)).status).toBe(403);
      const fresh = await historyImage(alice);
      expect(fresh).not.toBe(link);
      expect((await fetchMedia(fresh)).status).toBe(200);
    } finally {
      server.clock.offsetMs = 0;
    }
  });
});

describe("who may read and send a file", () => {
  let otherWorkspace: string;
  beforeAll(async () => {
    await createWorkspace(
      server.core.db,
      { workspaceName: "Other Co", adminName: "Olga", adminEmail: "olga@other.example", adminPassword: "another long password" },
      { passwords: new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS) },
    );
    otherWorkspace = await server.login("olga@other.example", "another long password");
  });

  async function upload(token: string, conversationId: string): Promise<string> {
    const res = await server.api(`/api/uploads?conversationId=${conversationId}&filename=x.png`, { method: "POST", token, headers: { "content-type": "image/png" }, body: PNG as Uint8Array<ArrayBuffer> });
    expect(res.status).toBe(201);
    return ((await res.json()) as UploadResponse).url;
  }
  async function reply(token: string, conversationId: string, url: string): Promise<CommandResult> {
    const res = await server.api("/api/commands", {
      method: "POST",
      token,
      json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId, text: "", content: { kind: "image", url, mimeType: "image/png" } }] },
    });
    return ((await res.json()) as { results: CommandResult[] }).results[0]!;
  }

  it("a file in a conversation is as visible as the conversation: its team and supervisors, not another team, not another workspace", async () => {
    const supervisor = await server.login("supervisor@demo.inbox");
    const bruno = await server.login("bruno@demo.inbox");
    expect((await server.api(`/media/${aliceKey}`, { token: ana })).status).toBe(200);
    expect((await server.api(`/media/${aliceKey}`, { token: supervisor })).status).toBe(200);
    const otherTeam = await server.api(`/media/${aliceKey}`, { token: bruno });
    expect(otherTeam.status).toBe(403);
    expect(((await otherTeam.json()) as { error: { message: string } }).error.message).toBe("This file is in a conversation of a team you are not in.");
    const stranger = await server.api(`/media/${aliceKey}`, { token: otherWorkspace });
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as { error: { message: string } }).error.message).toBe("That file was not found.");
  });

  it("an upload is its uploader's alone until a reply carries it; then the conversation's", async () => {
    const supervisor = await server.login("supervisor@demo.inbox");
    const url = await upload(ana, alice.conversation.id);
    expect((await server.api(url, { token: ana })).status).toBe(200);
    expect((await server.api(url, { token: supervisor })).status).toBe(404);
    expect(await reply(ana, alice.conversation.id, url)).toMatchObject({ ok: true });
    expect((await server.api(url, { token: supervisor })).status).toBe(200);
  });

  it("a reply cannot attach another conversation's file or a colleague's upload; the file stays unreadable to them", async () => {
    const supervisor = await server.login("supervisor@demo.inbox");
    const stolen = await reply(ana, bob.conversation.id, `/media/${aliceKey}`);
    expect(stolen).toMatchObject({
      ok: false,
      keepAsDraft: true,
      message: "This file belongs to another conversation or another person's upload. Attach it again from your device.",
    });
    const anas = await upload(ana, bob.conversation.id);
    expect(await reply(supervisor, bob.conversation.id, anas)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await reply(otherWorkspace, bob.conversation.id, anas)).toMatchObject({ ok: false, code: "not_found" });
    // The same file again in its own conversation is fine (e.g. sending it once more).
    expect(await reply(ana, alice.conversation.id, `/media/${aliceKey}`)).toMatchObject({ ok: true });
  });

  it("only raster images, audio and video are shown inline, in a sandbox; SVG and other files are downloads", async () => {
    const admin = await server.login("admin@demo.inbox");
    const me = (await (await server.api("/api/me", { token: admin })).json()) as { user: { id: string; workspaceId: string } };
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    const key = `${crypto.randomUUID()}.bin`;
    // As a platform's document download or an upload would store it.
    await server.core.blobs.put(key, svg, "image/svg+xml");
    await recordMedia(server.core, key, { workspaceId: me.user.workspaceId, uploaderId: me.user.id });

    const res = await server.api(`/media/${key}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${key}"`);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");

    const png = await server.api(`/media/${aliceKey}`, { token: admin });
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBe("inline");
    expect(png.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(png.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
