import { buildWebhook, createFakeWechat, errorReply, imageMessage, locationMessage, menuReplyMessage, textMessage, voiceMessage, type FakeWechatProfile } from "@inbox/connectors/wechat/fake.ts";
import { noBlockWebhook, noSuchMessage, type SimAdapter } from "../sim-adapter.ts";

/** WeChat MsgIds are 64-bit numbers: derive a stable digit string from the simulator's id. */
function msgId(id: string): string {
  let h = 7n;
  for (const ch of id) h = (h * 131n + BigInt(ch.charCodeAt(0))) % 9_000_000_000_000_000_000n;
  return String(h + 1_000_000_000_000_000_000n);
}

/** What the simulated platform's profile API answers: each customer under the name the simulator plays them with. */
const profiles = new Map<string, FakeWechatProfile>();

export const wechatSim: SimAdapter = {
  createFake: (c) => createFakeWechat(c, { profiles }),
  files: false,
  inbound(action, customer, id, c) {
    profiles.set(customer.externalId, { nickname: customer.name });
    if (action.kind === "block") return noBlockWebhook("wechat");
    // Official Accounts receive no file messages from customers.
    if (action.kind === "file") return noSuchMessage("wechat", "files");
    const o = { from: customer.externalId, id: msgId(id) };
    const payload =
      action.kind === "text"
        ? textMessage({ ...o, text: action.text })
        : action.kind === "image"
          ? imageMessage({ ...o })
          : action.kind === "voice"
            ? voiceMessage({ ...o })
            : action.kind === "location"
              ? locationMessage({ ...o, latitude: action.latitude, longitude: action.longitude, label: action.name })
              : menuReplyMessage({ ...o, text: action.title, menuItemId: action.id });
    // Safe mode, as the README recommends: with an EncodingAESKey only encrypted pushes are accepted.
    return buildWebhook(payload, c, { mode: c.encodingAesKey ? "safe" : "plain" });
  },
  fail: (fake, failure) => (failure === "none" ? fake.reset() : fake.failWhere((req) => req.path.includes("/message/custom/send"), errorReply(failure))),
  describe(req) {
    if (!req.path.includes("/message/custom/send")) return null;
    const body = req.json() as { touser?: string; msgtype?: string; text?: { content?: string } };
    return { to: body.touser ?? null, kind: body.msgtype ?? "?", text: body.text?.content ?? null };
  },
  sampleCustomer: () => ({ externalId: "oU3Cw5a1B2c3D4e5F6g7H8i9J0kL", name: "Li Wei" }),
};
