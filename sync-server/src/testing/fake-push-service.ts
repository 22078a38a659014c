/// <reference path="./http-ece.d.ts" />
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decrypt } from "http_ece";

/**
 * A push service stand-in on 127.0.0.1 (what FCM, Mozilla's autopush or Apple's service are to
 * a browser). It hands out device subscriptions whose private keys it keeps, so it can check what
 * the server POSTs as a real push service and browser would together: the VAPID JWT's ES256
 * signature against the key in the header and its audience and expiry (RFC 8292), then the
 * aes128gcm body decrypted with the device's private key and auth secret (RFC 8291). Each push is
 * recorded with its headers; tests queue answers (410 Gone, 429 with Retry-After, …).
 */
export interface ReceivedPush {
  device: string;
  /** The decrypted payload (JSON text), or null when it could not be decrypted. */
  text: string | null;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  /** The VAPID public key the request was signed with, and the JWT's claims. */
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  /** What the stand-in answered. */
  status: number;
}

export interface FakeDevice {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface FakePushService {
  url: string;
  /** A new device: its subscription as the browser's `PushSubscription.toJSON()` gives it. */
  newDevice(): FakeDevice;
  received: ReceivedPush[];
  /** Requests refused for a bad signature or body, with why. */
  refused: string[];
  /** The next answers, in order, to requests for any device (then 201 again). */
  answerNext(...answers: Array<{ status: number; headers?: Record<string, string> }>): void;
  /** Resolves with the received pushes once `count` have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString("base64url");

export async function startFakePushService(): Promise<FakePushService> {
  const devices = new Map<string, { ecdh: ECDH; auth: Buffer }>();
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  const answers: Array<{ status: number; headers?: Record<string, string> }> = [];
  const waiters: Array<() => void> = [];
  let origin = "";

  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      // What arrived, for tests that cannot call this process (the Workers tests inside workerd).
      if (req.method === "GET" && req.url === "/__received") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ received, refused }));
        return;
      }
      const m = /^\/push\/([A-Za-z0-9_-]+)$/.exec(req.url ?? "");
      const device = m ? devices.get(m[1]!) : undefined;
      if (req.method !== "POST" || !m || !device) {
        res.writeHead(404).end();
        return;
      }
      const problem = check(req, body);
      if (typeof problem === "string") {
        refused.push(problem);
        res.writeHead(403, { "content-type": "text/plain" }).end(problem);
        return;
      }
      let text: string | null = null;
      try {
        text = decrypt(body, { version: "aes128gcm", privateKey: device.ecdh, authSecret: device.auth }).toString("utf8");
      } catch (err) {
        refused.push(`could not decrypt: ${String(err)}`);
      }
      const answer = answers.shift() ?? { status: 201 };
      received.push({
        device: m[1]!,
        text,
        ttl: Number(req.headers.ttl),
        urgency: header(req, "urgency"),
        topic: header(req, "topic"),
        vapidKey: problem.key,
        claims: problem.claims,
        status: answer.status,
      });
      res.writeHead(answer.status, answer.headers).end();
      for (const w of waiters.splice(0)) w();
    });
  });

  /** The VAPID header checked as a push service does; the key and claims, or why it is refused. */
  function check(req: IncomingMessage, body: Buffer): { key: string; claims: ReceivedPush["claims"] } | string {
    if (header(req, "content-encoding") !== "aes128gcm") return "content-encoding is not aes128gcm";
    if (!body.length) return "no body";
    if (req.headers.ttl === undefined) return "no TTL header";
    const auth = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header(req, "authorization") ?? "");
    if (!auth) return "no vapid authorization";
    const [head, payload, sig] = auth[1]!.split(".");
    if (!head || !payload || !sig) return "malformed JWT";
    const raw = Buffer.from(auth[2]!, "base64url");
    if (raw.length !== 65 || raw[0] !== 4) return "the VAPID key is not an uncompressed P-256 point";
    const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33)) }, format: "jwk" });
    if (JSON.parse(Buffer.from(head, "base64url").toString()).alg !== "ES256") return "the JWT is not ES256";
    const ok = verify("sha256", Buffer.from(`${head}.${payload}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(sig, "base64url"));
    if (!ok) return "bad VAPID signature";
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as ReceivedPush["claims"];
    if (claims.aud !== origin) return `audience ${claims.aud} is not ${origin}`;
    const now = Date.now() / 1000;
    if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) return "the JWT's expiry is not within 24 hours";
    if (!/^(mailto:|https:)/.test(claims.sub ?? "")) return "the JWT has no contact (sub)";
    return { key: auth[2]!, claims };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    received,
    refused,
    newDevice() {
      const id = b64u(randomBytes(12));
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      devices.set(id, { ecdh, auth });
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
    },
    answerNext(...next) {
      answers.push(...next);
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} pushes, the push service got ${received.length}${refused.length ? ` (refused: ${refused.join("; ")})` : ""}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" ? v : null;
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
