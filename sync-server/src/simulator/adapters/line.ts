import { FakePlatform } from "@inbox/connectors/testing";
import { audioMessage, buildWebhook, errorReply, fileMessage, imageMessage, lineFakeHandler, locationMessage, postback, textMessage, unfollow, type FakeLineProfile } from "@inbox/connectors/line/fake.ts";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "@inbox/connectors/src/demo-media/media.ts";
import type { SimAdapter } from "../sim-adapter.ts";

/** LINE message ids are digit strings. */
function lineId(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return `5${String(h).padStart(12, "0")}`;
}

/** What the simulated platform's profile API answers: each customer under the name the simulator plays them with. */
const profiles = new Map<string, FakeLineProfile>();
/** What the content API serves for the simulated customers' media messages, by message id (the newest 200). */
const contents = new Map<string, { bytes: Uint8Array; mimeType: string }>();
function serve(messageId: string, media: { bytes: Uint8Array; mimeType: string }): void {
  contents.set(messageId, media);
  if (contents.size > 200) contents.delete(contents.keys().next().value!);
}

export const lineSim: SimAdapter = {
  createFake: (c) => new FakePlatform(lineFakeHandler({ channelAccessToken: c.channelAccessToken, profiles, contents })),
  inbound(action, customer, id, c) {
    profiles.set(customer.externalId, { displayName: customer.name });
    const o = { from: customer.externalId, id: lineId(id), webhookEventId: `01SIM${lineId(id)}` };
    if (action.kind === "image") serve(o.id, PHOTO_JPEG);
    if (action.kind === "voice") serve(o.id, VOICE_OGG);
    if (action.kind === "file") serve(o.id, INVOICE_PDF);
    const payload =
      action.kind === "text"
        ? textMessage({ ...o, text: action.text })
        : action.kind === "image"
          ? imageMessage({ ...o })
          : action.kind === "voice"
            ? audioMessage({ ...o, durationMs: 1900 })
            : action.kind === "file"
              ? fileMessage({ ...o, fileName: INVOICE_PDF.filename, fileSize: INVOICE_PDF.bytes.length })
              : action.kind === "location"
              ? locationMessage({ ...o, latitude: action.latitude, longitude: action.longitude, title: action.name })
              : action.kind === "button"
                ? // As our buttons send it (connectors/line/send.ts): the choice id and its title.
                  postback({ ...o, data: new URLSearchParams({ reply: action.id, title: action.title }).toString() })
                : unfollow({ from: customer.externalId, webhookEventId: o.webhookEventId });
    return buildWebhook(payload, c);
  },
  blocksByWebhook: true,
  fail: (fake, failure) =>
    failure === "none" ? fake.reset() : fake.failWhere((req) => req.method === "POST" && req.path.includes("/message/"), errorReply(failure)),
  describe(req) {
    if (req.method !== "POST" || !req.path.endsWith("/message/push")) return null;
    const body = req.json() as { to?: string; messages?: { type?: string; text?: string }[] };
    const first = body.messages?.[0];
    return { to: body.to ?? null, kind: first?.type ?? "?", text: first?.text ?? null };
  },
  sampleCustomer: () => ({ externalId: "U4af4980629c0a1b2c3d4e5f6a7b8c9d0", name: "Sato Haruka" }),
};
