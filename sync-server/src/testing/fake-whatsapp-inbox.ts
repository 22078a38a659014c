import { FAKE_WHATSAPP_CREDENTIALS, buildWebhook, createFakeWhatsapp, textMessage, type FakeWhatsapp } from "@inbox/connectors/whatsapp/fake.ts";
import type { WhatsappCredentials } from "@inbox/connectors/whatsapp/config.ts";
import { connectInbox, deliverWebhook } from "./connect-inbox.ts";

// For tests and the bench that drive a server in another process: a WhatsApp fake listening on
// loopback in the caller's process (so it outlives a killed server), an inbox connected to it
// through the admin API, and signed webhooks as Meta sends them. The fake starts first: the
// server reaches it only through the operator's PLATFORM_API_URLS (never a workspace setting).

export interface FakeWhatsappInbox {
  inboxId: string;
  fake: FakeWhatsapp;
  credentials: WhatsappCredentials;
  /** POSTs one signed webhook; resolves with the HTTP status (0: the server could not be reached). */
  deliver(serverUrl: string, payload: Record<string, unknown>): Promise<number>;
}

export interface StartedFakeWhatsapp {
  fake: FakeWhatsapp;
  credentials: WhatsappCredentials;
}

/** Starts the fake; give the server `whatsapp=<fake.baseUrl>` in PLATFORM_API_URLS. */
export async function startFakeWhatsapp(): Promise<StartedFakeWhatsapp> {
  const credentials = { ...FAKE_WHATSAPP_CREDENTIALS, appSecret: `secret-${crypto.randomUUID()}` };
  return { fake: await createFakeWhatsapp(credentials).start(), credentials };
}

/** Connects an inbox of `teamId` to the started fake, signed in as an admin (Bearer token). */
export async function connectFakeWhatsapp(
  serverUrl: string,
  adminToken: string,
  teamId: string,
  { fake, credentials }: StartedFakeWhatsapp,
  name = "WhatsApp (fake)",
): Promise<FakeWhatsappInbox> {
  const inboxId = await connectInbox(serverUrl, adminToken, { name, channel: "whatsapp", teamId, credentials });
  return {
    inboxId,
    fake,
    credentials,
    async deliver(url, payload) {
      return deliverWebhook(`${url}/webhooks/whatsapp/${inboxId}`, buildWebhook(payload, credentials));
    },
  };
}

/** A customer's text message as Meta delivers it (`timestamp` in Unix seconds, as on the wire). */
export function whatsappText(o: { from: string; name: string; id: string; text: string; timestamp?: number }): Record<string, unknown> {
  return textMessage({ from: o.from, name: o.name, id: o.id, text: o.text, timestamp: o.timestamp, phoneNumberId: FAKE_WHATSAPP_CREDENTIALS.phoneNumberId });
}
