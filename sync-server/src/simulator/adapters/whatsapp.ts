import {
  audioMessage,
  buildWebhook,
  buttonReply,
  createFakeWhatsapp,
  documentMessage,
  errorReply,
  imageMessage,
  locationMessage,
  textMessage,
} from "@inbox/connectors/whatsapp/fake.ts";
import { INVOICE_PDF } from "@inbox/connectors/src/demo-media/media.ts";
import type { WhatsappCredentials } from "@inbox/connectors/whatsapp/config.ts";
import { noBlockWebhook, type SimAdapter } from "../sim-adapter.ts";

export const whatsappSim: SimAdapter = {
  createFake: (credentials) => createFakeWhatsapp(credentials as WhatsappCredentials),
  inbound(action, customer, id, credentials) {
    if (action.kind === "block") return noBlockWebhook("whatsapp");
    const creds = credentials as WhatsappCredentials;
    const o = { from: customer.externalId, name: customer.name, id, phoneNumberId: creds.phoneNumberId };
    const payload =
      action.kind === "text"
        ? textMessage({ ...o, text: action.text })
        : action.kind === "image"
          ? imageMessage({ ...o, caption: action.caption })
          : action.kind === "voice"
            ? audioMessage({ ...o, voice: true })
            : action.kind === "file"
              ? documentMessage({ ...o, filename: INVOICE_PDF.filename })
              : action.kind === "location"
              ? locationMessage({ ...o, latitude: action.latitude, longitude: action.longitude, name: action.name })
              : buttonReply({ ...o, contextId: "wamid.simulated", buttonId: action.id, title: action.title });
    return buildWebhook(payload, creds);
  },
  fail: (fake, failure) => (failure === "none" ? fake.reset() : fake.failWhere((req) => req.method === "POST", errorReply(failure))),
  describe(req) {
    if (req.method !== "POST" || !req.path.endsWith("/messages")) return null;
    const body = req.json() as {
      to?: string;
      type?: string;
      text?: { body?: string };
      image?: { caption?: string; link?: string };
      interactive?: { body?: { text?: string } };
      template?: { name?: string; components?: { parameters?: ({ type?: string; text?: string } & Record<string, unknown>)[] }[] };
    };
    // A template as its name and values (a media header's file as its type): the platform renders the text on the customer's phone.
    const value = (p: { type?: string; text?: string }) => p.text ?? (p.type ? `[${p.type}]` : "");
    const template = body.template ? `${body.template.name ?? "?"}: ${(body.template.components ?? []).flatMap((c) => c.parameters ?? []).map(value).join(" | ")}` : undefined;
    const text = body.text?.body ?? body.interactive?.body?.text ?? body.image?.caption ?? body.image?.link ?? template ?? null;
    return { to: body.to ?? null, kind: body.type ?? "?", text };
  },
  sampleCustomer: () => ({ externalId: "5511912345678", name: "Rafael Costa" }),
};
