/**
 * The port a runtime fills to put one push message on the wire: encrypt the payload for the
 * device (aes128gcm, RFC 8291), sign the request for the push service (VAPID, RFC 8292) and POST
 * it. Node's is `node/web-push-sender.ts` (the `web-push` library, on Node's crypto); a runtime
 * without one sends no pushes (GET /api/push/key answers no key, the PWA says so).
 */
export interface PushTarget {
  endpoint: string;
  /** The device's public key (p256dh) and auth secret, base64url, as the browser gave them. */
  keys: { p256dh: string; auth: string };
}

export interface VapidKeys {
  /** Uncompressed P-256 point, base64url (what the browser's `applicationServerKey` takes). */
  publicKey: string;
  /** The private scalar d, base64url. */
  privateKey: string;
}

export interface PushMessage {
  /** The JSON text to encrypt. */
  payload: string;
  /** Seconds the push service keeps it for an unreachable device. */
  ttlSeconds: number;
  urgency: "very-low" | "low" | "normal" | "high";
  /** RFC 8030 topic (≤ 32 base64url characters): a resend replaces the undelivered copy. */
  topic: string;
  vapid: VapidKeys & { subject: string };
}

/** What the push service answered: its HTTP status and Retry-After in seconds, or a network failure. */
export type PushAnswer = { status: number; retryAfterSeconds: number | null; text: string } | { status: "network"; text: string };

export interface PushSender {
  send(target: PushTarget, message: PushMessage): Promise<PushAnswer>;
}
