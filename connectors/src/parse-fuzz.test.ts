import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Connector, Credentials, WebhookRequest } from "./connector.ts";
import { MalformedWebhookError } from "./malformed.ts";
import { platformConnectors } from "./registry.ts";
import * as ig from "../instagram/fake.ts";
import * as line from "../line/fake.ts";
import * as ms from "../messenger/fake.ts";
import * as tg from "../telegram/fake.ts";
import * as wc from "../wechat/fake.ts";
import * as wa from "../whatsapp/fake.ts";

// Property-based tests over what a webhook brings in: every connector's parse (and verify,
// deliveryKeys, handshake, which read untrusted input) on random bytes and on mutations of each
// platform's real payloads from its fake. A body may be refused, but only with a clear
// MalformedWebhookError; nothing else is ever thrown, and nothing hangs. Runs are few, so the
// suite stays quick; a failure prints its seed to replay it.

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

interface Platform {
  credentials: Credentials;
  /** Real payloads as the platform sends them, with the query the platform puts on the URL. */
  samples: { body: string; query?: string; headers?: Record<string, string> }[];
}

const waCreds = wa.FAKE_WHATSAPP_CREDENTIALS;
const msCreds = { pageAccessToken: "EAAG-fake", pageId: ms.FAKE_PAGE_ID, appSecret: "messenger-app-secret", verifyToken: "verify-me" };
const tgCreds = { botToken: "123456:AAH-fake", secretToken: "telegram-secret" };
const lineCreds = { channelAccessToken: "line-token", channelSecret: "line-secret" };
const { encodingAesKey: _key, ...wcPlain } = wc.fakeWechatCredentials;

const PLATFORMS: Record<string, Platform> = {
  whatsapp: {
    credentials: waCreds,
    samples: [
      wa.textMessage({ text: "olá" }),
      wa.imageMessage({ caption: "receipt" }),
      wa.documentMessage({ caption: "invoice" }),
      wa.locationMessage({ latitude: -23.5, longitude: -46.6, name: "Loja" }),
      wa.contactsMessage({ contactName: "Ana Souza", phone: "+5511999990000" }),
    ].map((p) => wa.buildWebhook(p, waCreds)),
  },
  messenger: {
    credentials: msCreds,
    samples: [
      ms.textMessage({ from: "6021", text: "hi" }),
      ms.imageMessage({ from: "6021", url: "https://scontent.xx.fbcdn.net/a.jpg" }),
      ms.deliveryReceipt({ from: "6021", watermark: 1739321024000 }),
      ms.postbackMessage({ from: "6021", title: "Talk to agent", payload: "HUMAN" }),
    ].map((p) => ms.buildWebhook(p, msCreds)),
  },
  instagram: {
    credentials: ig.FAKE_INSTAGRAM_CREDENTIALS,
    samples: [
      ig.textMessage({ from: "1784", text: "oi" }),
      ig.imageMessage({ from: "1784" }),
      ig.storyReply({ from: "1784", text: "love it" }),
      ig.postback({ from: "1784", title: "Yes", payload: "Y" }),
      ig.editMessage({ from: "1784", id: "m1", text: "edited" }),
    ].map((p) => ig.buildWebhook(p, ig.FAKE_INSTAGRAM_CREDENTIALS)),
  },
  telegram: {
    credentials: tgCreds,
    samples: [
      tg.textMessage({ text: "hello" }),
      tg.photoMessage({ caption: "receipt" }),
      tg.voiceMessage({ duration: 3 }),
      tg.locationMessage({ latitude: 52.5, longitude: 13.4 }),
      tg.quickReplyAnswer({ title: "Yes" }),
    ].map((p) => tg.buildWebhook(p, tgCreds)),
  },
  wechat: {
    credentials: wcPlain,
    samples: [
      wc.textMessage({ from: "oFuzz", id: "24512345678901234", text: "你好" }),
      wc.imageMessage({ from: "oFuzz", id: 2 }),
      wc.locationMessage({ from: "oFuzz", id: 3, latitude: 23.1, longitude: 113.3, label: "广州" }),
      wc.scanCodeEvent({ from: "oFuzz", key: "K", result: "R" }),
      wc.subscribeEvent({ from: "oFuzz" }),
    ].map((p) => wc.buildWebhook(p, wcPlain)),
  },
  line: {
    credentials: lineCreds,
    samples: [
      line.webhookBody(line.textMessage({ from: "U0", text: "こんにちは" }), line.postback({ from: "U0", data: "reply=a&title=A" })),
      line.imageMessage({ from: "U0" }),
      line.stickerMessage({ from: "U0", stickerId: "52002734", keywords: ["ok"] }),
      line.unfollow({ from: "U0" }),
      line.memberJoined({ groupId: "C0", members: ["U1"] }),
    ].map((p) => line.buildWebhook(p, lineCreds)),
  },
};

const connectors = new Map(platformConnectors().map((c) => [c.channel, c]));

function request(channel: string, sample: { query?: string; headers?: Record<string, string> }, body: Uint8Array, method = "POST"): WebhookRequest {
  return {
    method,
    url: new URL(`https://inbox.example/webhooks/${channel}/inbox_1${sample.query ? `?${sample.query}` : ""}`),
    headers: new Headers(sample.headers ?? {}),
    body,
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A JSON value with a structural change: keys dropped, values swapped for other types, arrays emptied. */
const jsonMutation = (value: unknown): fc.Arbitrary<unknown> => {
  const other = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant([]), fc.constant({}), fc.jsonValue({ maxDepth: 2 }));
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  return fc.tuple(fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom("drop", "replace"), other), { minLength: 1, maxLength: 4 })).map(([edits]) => {
    const copy = structuredClone(value) as Record<string | number, unknown>;
    for (const [path, how, replacement] of edits) {
      if (path.length === 0) return structuredClone(replacement);
      let parent: Record<string | number, unknown> | undefined = copy;
      for (const key of path.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent[key] as Record<string | number, unknown>) : undefined;
      if (!parent || typeof parent !== "object") continue;
      const last = path[path.length - 1]!;
      if (how === "drop") delete parent[last];
      else parent[last] = structuredClone(replacement); // fresh each time: a shared {} could close a cycle
    }
    return copy;
  });
};

/** Bytes of a sample with a slice cut out, or replaced by random text (works for XML and JSON alike). */
const textMutation = (text: string) =>
  fc.tuple(fc.nat(text.length), fc.nat(40), fc.string({ unit: "binary", maxLength: 20 })).map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));

function bodies(sample: { body: string }): fc.Arbitrary<Uint8Array> {
  let json: unknown;
  try {
    json = JSON.parse(sample.body);
  } catch {
    json = undefined;
  }
  return fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 300 }).map(utf8),
    fc.jsonValue({ maxDepth: 4 }).map((v) => utf8(JSON.stringify(v))),
    textMutation(sample.body).map(utf8),
    ...(json === undefined ? [] : [jsonMutation(json).map((v) => utf8(JSON.stringify(v) ?? ""))]),
  );
}

/** Resolves, or rejects with a MalformedWebhookError: anything else is a crash the server would log as one. */
async function onlyClearErrors(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof MalformedWebhookError)) throw new Error(`threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    expect(err.message.length).toBeGreaterThan(10);
  }
}

describe.each(Object.entries(PLATFORMS))("%s webhooks under fuzzing", (channel, platform) => {
  const connector = connectors.get(channel as never) as Connector;

  it("the samples themselves verify and parse", async () => {
    for (const sample of platform.samples) {
      const req = request(channel, sample, utf8(sample.body));
      expect(await connector.verify(req, platform.credentials, Date.now())).toBe(true);
      expect((await connector.parse(req, platform.credentials)).length).toBeGreaterThan(0);
    }
  });

  it("parse: random and mutated bodies give events or a clear error, nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...platform.samples).chain((s) => fc.tuple(fc.constant(s), bodies(s))), async ([sample, body]) => {
        await onlyClearErrors(() => connector.parse(request(channel, sample, body), platform.credentials));
      }),
      { numRuns: RUNS },
    );
  });

  it("verify, deliveryKeys and handshake never throw on untrusted input", async () => {
    const queries = fc.oneof(fc.constant(""), fc.dictionary(fc.constantFrom("signature", "msg_signature", "timestamp", "nonce", "echostr", "encrypt_type", "hub.mode", "hub.verify_token", "hub.challenge"), fc.string({ maxLength: 40 })).map((d) => new URLSearchParams(d).toString()));
    const headers = fc.dictionary(fc.constantFrom("x-hub-signature-256", "x-line-signature", "x-telegram-bot-api-secret-token", "content-type"), fc.string({ maxLength: 80 }).filter((v) => !/[\r\n\0]/.test(v)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...platform.samples).chain((s) => fc.tuple(fc.constant(s), bodies(s), queries, headers, fc.constantFrom("GET", "POST"))), async ([sample, body, query, head, method]) => {
        let req: WebhookRequest;
        try {
          req = request(channel, { query, headers: { ...sample.headers, ...head } }, body, method);
        } catch {
          return; // a header value fetch's Headers refuses is refused by the HTTP layer first
        }
        expect(typeof (await connector.verify(req, platform.credentials, Date.now()))).toBe("boolean");
        const keys = await connector.deliveryKeys(req, platform.credentials);
        expect(typeof keys.delivery).toBe("string");
        const handshake = await connector.handshake(req, platform.credentials);
        expect(handshake === null || typeof handshake.status === "number").toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
