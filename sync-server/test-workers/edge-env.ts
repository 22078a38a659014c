import { env, SELF } from "cloudflare:test";
import { createClient } from "@libsql/client/web";
import { expect } from "vitest";
import { YClient } from "./y-client.ts";

// What the Workers tests share: the bindings global-setup.ts hands the Worker, a libSQL client
// on the same sqld (to check the record), signing in, room sockets and Telegram webhooks.

export interface TestEnv {
  DATABASE_URL: string;
  DATABASE_AUTH_TOKEN: string;
  TELEGRAM_API: string;
  TELEGRAM_INBOX_ID: string;
  TELEGRAM_SECRET_TOKEN: string;
  DEMO_PASSWORD: string;
  OPS_TOKEN: string;
}
export const e = env as unknown as TestEnv;
export const ORIGIN = "https://inbox.test";
export const db = createClient({ url: e.DATABASE_URL, authToken: e.DATABASE_AUTH_TOKEN });

/** A workerd response to an upgrade request: the client end of the socket pair. */
export type UpgradeResponse = Response & { webSocket: WebSocket & { accept(): void } };

export async function signIn(email = "admin@demo.inbox"): Promise<string> {
  const res = await SELF.fetch(`${ORIGIN}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: e.DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** An agent's room socket, signed in as a non-browser client does (Bearer header, no Origin). */
export async function connect(room: string, token: string): Promise<YClient> {
  const res = await SELF.fetch(`${ORIGIN}/sync/${room}`, { headers: { upgrade: "websocket", authorization: `Bearer ${token}` } });
  expect(res.status).toBe(101);
  const ws = (res as UpgradeResponse).webSocket;
  ws.accept();
  return new YClient(ws);
}

export function telegramUpdate(from: number, content: Record<string, unknown>) {
  const id = Math.floor(Math.random() * 1e9);
  return {
    update_id: id,
    message: { message_id: id, from: { id: from, is_bot: false, first_name: "Edge" }, chat: { id: from, type: "private", first_name: "Edge" }, date: 1739321024, ...content },
  };
}

export function postWebhook(body: object, secret = e.TELEGRAM_SECRET_TOKEN): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/webhooks/telegram/${e.TELEGRAM_INBOX_ID}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
    body: JSON.stringify(body),
  });
}

/** Posts agent commands as the signed-in user; the answer must be 200. */
export async function command(token: string, commands: object[]): Promise<void> {
  const res = await SELF.fetch(`${ORIGIN}/api/commands`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ commands }),
  });
  expect(res.status).toBe(200);
}

/** The team a Telegram conversation's inbox belongs to. */
export async function teamOfInbox(inboxId: string): Promise<string> {
  return String((await db.execute({ sql: "select team_id from inboxes where id = ?", args: [inboxId] })).rows[0]![0]);
}
