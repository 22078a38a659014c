import {
  audioMessage,
  buildWebhook,
  errorReply,
  fakeMediaUrl,
  fileMessage,
  imageMessage,
  locationMessage,
  messengerFakeHandler,
  postbackMessage,
  textMessage,
  type FakeMessengerProfile,
} from "@inbox/connectors/messenger/fake.ts";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "@inbox/connectors/src/demo-media/media.ts";
import { noBlockWebhook, type SimAdapter } from "../sim-adapter.ts";

import { FakePlatform } from "@inbox/connectors/testing";

/** What the simulated platform's profile API answers: each customer under the name the simulator plays them with. */
const profiles = new Map<string, FakeMessengerProfile>();

export const messengerSim: SimAdapter = {
  createFake: (c) => new FakePlatform(messengerFakeHandler({ pageId: c.pageId, pageAccessToken: c.pageAccessToken, profiles })),
  inbound(action, customer, id, c, base) {
    const [first_name, ...rest] = customer.name.split(" ");
    profiles.set(customer.externalId, { first_name, ...(rest.length ? { last_name: rest.join(" ") } : {}) });
    if (action.kind === "block") return noBlockWebhook("messenger");
    const o = { from: customer.externalId, id, pageId: c.pageId };
    const payload =
      action.kind === "text"
        ? textMessage({ ...o, text: action.text })
        : action.kind === "image"
          ? imageMessage({ ...o, url: fakeMediaUrl(base, PHOTO_JPEG.filename) })
          : action.kind === "voice"
            ? audioMessage({ ...o, url: fakeMediaUrl(base, VOICE_OGG.filename) })
            : action.kind === "file"
              ? fileMessage({ ...o, url: fakeMediaUrl(base, INVOICE_PDF.filename) })
              : action.kind === "location"
              ? locationMessage({ ...o, latitude: action.latitude, longitude: action.longitude, title: action.name })
              : postbackMessage({ ...o, title: action.title, payload: action.id });
    return buildWebhook(payload, c);
  },
  fail: (fake, failure) => (failure === "none" ? fake.reset() : fake.failWhere((req) => req.method === "POST", errorReply(failure))),
  describe(req) {
    if (req.method !== "POST" || !req.path.endsWith("/messages")) return null;
    try {
      const body = req.json() as { recipient?: { id?: string }; message?: { text?: string; attachment?: { type?: string } } };
      return { to: body.recipient?.id ?? null, kind: body.message?.attachment?.type ?? "text", text: body.message?.text ?? null };
    } catch {
      return { to: null, kind: "upload", text: null };
    }
  },
  sampleCustomer: () => ({ externalId: "6021457719846511", name: "Beatriz Alves" }),
};
