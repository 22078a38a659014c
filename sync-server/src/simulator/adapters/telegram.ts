import { FakePlatform } from "@inbox/connectors/testing";
import {
  buildWebhook,
  errorReply,
  locationMessage,
  photoMessage,
  quickReplyAnswer,
  telegramHandler,
  textMessage,
  voiceMessage,
} from "@inbox/connectors/telegram/fake.ts";
import { noBlockWebhook, type SimAdapter } from "../sim-adapter.ts";

/** Telegram ids are numbers: derive a stable one from the simulator's message id. */
function numericId(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (h % 2_000_000_000) + 1;
}

export const telegramSim: SimAdapter = {
  // One handler for the fake's whole life (reset returns to it), so message numbering never restarts.
  createFake: (c) => new FakePlatform(telegramHandler({ botToken: c.botToken })),
  inbound(action, customer, id, c) {
    if (action.kind === "block") return noBlockWebhook("telegram");
    const n = numericId(id);
    const o = { from: Number(customer.externalId), name: customer.name, id: n, updateId: n, date: Math.floor(Date.now() / 1000) };
    const payload =
      action.kind === "text"
        ? textMessage({ ...o, text: action.text })
        : action.kind === "image"
          ? photoMessage({ ...o, caption: action.caption })
          : action.kind === "voice"
            ? voiceMessage({ ...o, duration: 4 })
            : action.kind === "location"
              ? locationMessage({ ...o, latitude: action.latitude, longitude: action.longitude })
              : quickReplyAnswer({ ...o, title: action.title });
    return buildWebhook(payload, c);
  },
  fail: (fake, failure) =>
    failure === "none" ? fake.reset() : fake.failWhere((req) => /\/send[A-Z]/.test(req.path), errorReply(failure, { retryAfter: 120 })),
  describe(req) {
    const method = /\/(send[A-Za-z]+)$/.exec(req.path)?.[1];
    if (!method) return null;
    let fields: Record<string, unknown> = {};
    try {
      fields = req.json() as Record<string, unknown>;
    } catch {
      // multipart uploads: summarised by method only
    }
    return { to: fields.chat_id !== undefined ? String(fields.chat_id) : null, kind: method, text: typeof fields.text === "string" ? fields.text : typeof fields.caption === "string" ? fields.caption : null };
  },
  sampleCustomer: () => ({ externalId: "735912046", name: "Yuki Tanaka" }),
};
