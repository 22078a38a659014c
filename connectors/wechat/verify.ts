import type { Credentials, DeliveryKeys, HandshakeResponse, WebhookRequest, WebhookSecrets } from "../src/connector.ts";
import { sha1Hex, timingSafeEqualText } from "../src/crypto.ts";
import { bodyKey } from "../src/delivery.ts";
import { decryptMessage } from "./aes.ts";
import { encryptedField, messageDocument } from "./document.ts";
import { deliveryIdOf } from "./parse.ts";
import { parseBody } from "./xml.ts";

/**
 * WeChat signs the query string, not the body:
 *   signature     = sha1(sort([Token, timestamp, nonce]).join(""))           (every request)
 *   msg_signature = sha1(sort([Token, timestamp, nonce, Encrypt]).join(""))  (encrypt_type=aes)
 * https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
 *
 * In plaintext mode nothing covers the body, so a captured signed URL could be replayed with
 * another body. Three defences: with an EncodingAESKey configured only encrypted pushes are
 * accepted (msg_signature over the ciphertext, the AppID inside it); the signed timestamp must be
 * within a few minutes of now; and `deliveryKeys` names the signed timestamp and nonce as a
 * replay key, which the server refuses to see twice with different bodies. See README.
 */

/** How far a push's signed timestamp may be from our clock (WeChat retries within ~15 s). */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

/** The query parameters that authenticate a push or the URL check: never stored. */
export const webhookSecrets: WebhookSecrets = { headers: [], query: ["signature", "msg_signature", "timestamp", "nonce", "echostr"] };

export async function wechatSignature(parts: readonly string[]): Promise<string> {
  // Lexicographic order by UTF-16 code unit, which is byte order for the ASCII WeChat uses.
  return sha1Hex([...parts].sort().join(""));
}

async function signatureMatches(expected: readonly string[], given: string | null): Promise<boolean> {
  if (!given) return false;
  return timingSafeEqualText(await wechatSignature(expected), given.toLowerCase());
}

/** An EncodingAESKey is configured: the account runs in safe (or compatible) mode. */
const encrypts = (credentials: Credentials) => (credentials.encodingAesKey ?? "").trim() !== "";

/** GET ?signature&timestamp&nonce&echostr: echo `echostr` when the signature matches. */
export async function handshake(req: WebhookRequest, credentials: Credentials): Promise<HandshakeResponse | null> {
  if (req.method.toUpperCase() !== "GET") return null;
  const q = req.url.searchParams;
  const echostr = q.get("echostr");
  if (echostr === null) return null;
  const timestamp = q.get("timestamp") ?? "";
  const nonce = q.get("nonce") ?? "";
  const token = credentials.token ?? "";
  if (!token || !timestamp || !nonce || !(await signatureMatches([token, timestamp, nonce], q.get("signature")))) {
    return { status: 403, body: "WeChat signature does not match this inbox's token.", contentType: "text/plain" };
  }
  return { status: 200, body: echostr, contentType: "text/plain" };
}

/**
 * The signature check of a pushed POST: signature and a recent timestamp always; with an
 * EncodingAESKey, also encrypt_type=aes, msg_signature, decryption and the AppID.
 */
export async function verify(req: WebhookRequest, credentials: Credentials, now: number = Date.now()): Promise<boolean> {
  try {
    if (req.method.toUpperCase() !== "POST") return false;
    const q = req.url.searchParams;
    const timestamp = q.get("timestamp") ?? "";
    const nonce = q.get("nonce") ?? "";
    const token = credentials.token ?? "";
    if (!token || !/^\d{1,12}$/.test(timestamp) || !nonce) return false;
    if (Math.abs(Number(timestamp) * 1000 - now) > TIMESTAMP_WINDOW_MS) return false;
    if (!(await signatureMatches([token, timestamp, nonce], q.get("signature")))) return false;

    const encryptType = q.get("encrypt_type");
    if (!encrypts(credentials)) return encryptType === null || encryptType === "raw";
    if (encryptType !== "aes") return false;
    const encrypted = encryptedField(req.body);
    if (!encrypted) return false;
    if (!(await signatureMatches([token, timestamp, nonce, encrypted], q.get("msg_signature")))) return false;
    // Decrypting proves the key and the AppID; a failure throws and means "not for us".
    await decryptMessage(encrypted, credentials.encodingAesKey ?? "", credentials.appId ?? "");
    return true;
  } catch {
    return false;
  }
}

/**
 * A push is named by its MsgId (events by sender, time and event, as WeChat advises), so the
 * retries WeChat makes when we are slow are recognised; its signed timestamp and nonce are the
 * replay key, so the same signed URL cannot carry a second, different body.
 */
export async function deliveryKeys(req: WebhookRequest, credentials: Credentials): Promise<DeliveryKeys> {
  const q = req.url.searchParams;
  const replay = `${q.get("timestamp") ?? ""}:${q.get("nonce") ?? ""}`;
  let delivery: string;
  try {
    delivery = deliveryIdOf(parseBody(await messageDocument(req, credentials)));
  } catch {
    delivery = (await bodyKey(req.body)).delivery;
  }
  return { delivery, replay };
}

/**
 * Returning "success" within 5 s stops WeChat's retries and shows nothing to the customer; we
 * answer through the customer-service API instead of a passive reply.
 */
export function acknowledge(_req: WebhookRequest): HandshakeResponse {
  return { status: 200, body: "success", contentType: "text/plain" };
}
