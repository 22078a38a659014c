import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { command, db, ORIGIN, postWebhook, signIn, telegramUpdate } from "./edge-env.ts";
import { eventually } from "./y-client.ts";

// Web Push from the Workers build: the `web-push` library encrypts and signs inside workerd
// (nodejs_compat), and the push service stand-in on loopback (global-setup.ts) checks the VAPID
// signature and decrypts the body with the device's private key.

const bindings = env as unknown as { PUSH_SERVICE: string; PUSH_DEVICE: string };

interface Received {
  text: string | null;
  urgency: string | null;
  vapidKey: string;
  status: number;
}

describe("Web Push on Workers", () => {
  it("an agent's device subscribes; a chat assigned to them reaches it, signed with the server's key and decryptable", async () => {
    const ana = await signIn("ana@demo.inbox");
    const auth = { authorization: `Bearer ${ana}`, "content-type": "application/json" };
    const key = (await (await SELF.fetch(`${ORIGIN}/api/push/key`, { headers: auth })).json()) as { publicKey: string | null };
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const subscribed = await SELF.fetch(`${ORIGIN}/api/push/subscribe`, { method: "POST", headers: auth, body: bindings.PUSH_DEVICE });
    expect(subscribed.status).toBe(200);
    expect(await subscribed.json()).toEqual({ subscribed: true });

    const text = `Push me ${crypto.randomUUID()}`;
    expect((await postWebhook(telegramUpdate(5550202, { text }))).status).toBe(200);
    const conversationId = await eventually(async () => {
      const rows = await db.execute({ sql: "select conversation_id from messages where text = ?", args: [text] });
      return rows.rows[0] ? String(rows.rows[0][0]) : null;
    });
    const anaId = String((await db.execute({ sql: "select id from users where email = 'ana@demo.inbox'", args: [] })).rows[0]![0]);
    await command(await signIn(), [{ type: "assign", clientId: crypto.randomUUID(), conversationId, assigneeId: anaId }]);

    const got = await eventually(async () => {
      const { received } = (await (await fetch(`${bindings.PUSH_SERVICE}/__received`)).json()) as { received: Received[] };
      return received.find((r) => r.text?.includes(conversationId)) ?? null;
    });
    expect(got.vapidKey).toBe(key.publicKey);
    expect(got.status).toBe(201);
    expect(JSON.parse(got.text!)).toMatchObject({ kind: "assigned", conversationId, title: expect.stringMatching(/ assigned you the chat with /) });
  });
});
