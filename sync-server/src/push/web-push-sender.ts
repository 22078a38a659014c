import webpush from "web-push";
import type { PushAnswer, PushMessage, PushSender, PushTarget } from "./push-sender.ts";

/** A push service that has not answered by then is tried again later. */
const TIMEOUT_MS = 15_000;

/**
 * The push sender the runtime adapters hand to the core (node/server.ts, worker/worker-core.ts;
 * not exported by index.ts, so the runtime-neutral core never bundles it): the `web-push`
 * library encrypts the payload (aes128gcm, RFC 8291) and signs the VAPID header (RFC 8292) with
 * Node's crypto, which Workers provide under `nodejs_compat`; the request goes out with fetch,
 * without following redirects (the address was checked when the device subscribed).
 */
export function webPushSender(): PushSender {
  return {
    async send(target: PushTarget, m: PushMessage): Promise<PushAnswer> {
      const details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: target.keys }, m.payload, {
        vapidDetails: { subject: m.vapid.subject, publicKey: m.vapid.publicKey, privateKey: m.vapid.privateKey },
        TTL: m.ttlSeconds,
        urgency: m.urgency,
        topic: m.topic,
        contentEncoding: "aes128gcm",
      });
      try {
        const res = await fetch(details.endpoint, {
          method: details.method,
          headers: Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)])),
          body: new Uint8Array(details.body),
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const text = (await res.text()).slice(0, 500);
        const retryAfter = Number(res.headers.get("retry-after"));
        return { status: res.status, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null, text };
      } catch (err) {
        return { status: "network", text: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
