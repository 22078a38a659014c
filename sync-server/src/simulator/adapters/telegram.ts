import { FakePlatform } from "@inbox/connectors/testing";
import {
  buildWebhook,
  documentMessage,
  errorReply,
  locationMessage,
  photoMessage,
  quickReplyAnswer,
  telegramHandler,
  textMessage,
  voiceMessage,
} from "@inbox/connectors/telegram/fake.ts";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "@inbox/connectors/src/demo-media/media.ts";
import { noBlockWebhook, type SimAdapter } from "../sim-adapter.ts";

/** Telegram ids are numbers: derive a stable one from the simulator's message id. */
function numericId(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (h % 2_000_000_000) + 1;
}

/** The real files the fake serves through getFile and /file/bot…/<path>, by file id. */
const FILES = {
  photo: { id: "AgACsimphoto", path: "photos/parcel.jpg", bytes: PHOTO_JPEG.bytes },
  voice: { id: "AwACsimvoice", path: "voice/file_7.oga", bytes: VOICE_OGG.bytes },
  invoice: { id: "BQACsiminvoice", path: `documents/${INVOICE_PDF.filename}`, bytes: INVOICE_PDF.bytes },
};
const SERVED = Object.fromEntries(Object.values(FILES).map((f) => [f.id, { path: f.path, bytes: f.bytes }]));

export const telegramSim: SimAdapter = {
  // One handler for the fake's whole life (reset returns to it), so message numbering never restarts.
  createFake: (c) => new FakePlatform(telegramHandler({ botToken: c.botToken, files: SERVED })),
  inbound(action, customer, id, c) {
    if (action.kind === "block") return noBlockWebhook("telegram");
    const n = numericId(id);
    const o = { from: Number(customer.externalId), name: customer.name, id: n, updateId: n, date: Math.floor(Date.now() / 1000) };
    const payload =
      action.kind === "text"
        ? textMessage({ ...o, text: action.text })
        : action.kind === "image"
          ? photoMessage({ ...o, fileId: FILES.photo.id, caption: action.caption })
          : action.kind === "voice"
            ? voiceMessage({ ...o, fileId: FILES.voice.id, duration: 2 })
            : action.kind === "file"
              ? documentMessage({ ...o, fileId: FILES.invoice.id, fileName: INVOICE_PDF.filename, mimeType: INVOICE_PDF.mimeType, size: INVOICE_PDF.bytes.length })
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
