import { FakePlatform } from "@inbox/connectors/testing";
import {
  audioMessage,
  buildWebhook,
  createInstagramHandler,
  errorReply,
  fakeMediaUrl,
  fileMessage,
  imageMessage,
  postback,
  textMessage,
  type FakeInstagramProfile,
} from "@inbox/connectors/instagram/fake.ts";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "@inbox/connectors/src/demo-media/media.ts";
import { noBlockWebhook, type SimAdapter } from "../sim-adapter.ts";

/** What the simulated platform's profile API answers: each customer under the name the simulator plays them with. */
const profiles = new Map<string, FakeInstagramProfile>();

export const instagramSim: SimAdapter = {
  createFake: () => new FakePlatform(createInstagramHandler({ profiles })),
  inbound(action, customer, id, c, base) {
    profiles.set(customer.externalId, { name: customer.name });
    if (action.kind === "block") return noBlockWebhook("instagram");
    const o = { from: customer.externalId, id, igAccountId: c.igAccountId };
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
              ? textMessage({ ...o, text: `📍 ${action.name ?? "My location"} (${action.latitude}, ${action.longitude})` })
              : postback({ ...o, title: action.title, payload: action.id });
    return buildWebhook(payload, c);
  },
  fail: (fake, failure) => (failure === "none" ? fake.reset() : fake.failWhere((req) => req.method === "POST", errorReply(failure))),
  describe(req) {
    if (req.method !== "POST" || !req.path.endsWith("/messages")) return null;
    const body = req.json() as { recipient?: { id?: string }; message?: { text?: string; attachment?: { type?: string } } };
    return { to: body.recipient?.id ?? null, kind: body.message?.attachment?.type ?? "text", text: body.message?.text ?? null };
  },
  sampleCustomer: () => ({ externalId: "1254459154682919", name: "Marina Lopes" }),
};
