import type { Credentials, HandshakeResponse, WebhookRequest } from "../src/connector.ts";
import { sha1Hex, timingSafeEqualText } from "../src/crypto.ts";
import { decryptMessage } from "./aes.ts";
import { parseBody, textOf } from "./xml.ts";

/**
 * WeChat signs the query string, not the body:
 *   signature     = sha1(sort([Token, timestamp, nonce]).join(""))           (every request)
 *   msg_signature = sha1(sort([Token, timestamp, nonce, Encrypt]).join(""))  (encrypt_type=aes)
 * https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
 *
 * In plaintext mode nothing covers the body, so a captured signed URL could be replayed with
 * another body; safe mode (msg_signature over the ciphertext, plus the AppID inside it) is the
 * one that authenticates content. See README.
 */

export async function wechatSignature(parts: readonly string[]): Promise<string> {
  // Lexicographic order by UTF-16 code unit, which is byte order for the ASCII WeChat uses.
  return sha1Hex([...parts].sort().join(""));
}

async function signatureMatches(expected: readonly string[], given: string | null): Promise<boolean> {
  if (!given) return false;
  return timingSafeEqualText(await wechatSignature(expected), given.toLowerCase());
}

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

/** The signature check of a pushed POST; in encrypted mode also msg_signature, decryption and AppID. */
export async function verify(req: WebhookRequest, credentials: Credentials): Promise<boolean> {
  try {
    if (req.method.toUpperCase() !== "POST") return false;
    const q = req.url.searchParams;
    const timestamp = q.get("timestamp") ?? "";
    const nonce = q.get("nonce") ?? "";
    const token = credentials.token ?? "";
    if (!token || !timestamp || !nonce) return false;
    if (!(await signatureMatches([token, timestamp, nonce], q.get("signature")))) return false;

    const encryptType = q.get("encrypt_type");
    if (encryptType === null || encryptType === "raw") return true;
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
 * Returning "success" within 5 s stops WeChat's retries and shows nothing to the customer; we
 * answer through the customer-service API instead of a passive reply.
 */
export function acknowledge(_req: WebhookRequest): HandshakeResponse {
  return { status: 200, body: "success", contentType: "text/plain" };
}

function encryptedField(body: Uint8Array): string | undefined {
  const root = parseBody(new TextDecoder().decode(body));
  const value = textOf(root, "Encrypt");
  return value ? value : undefined;
}

/** The message document of a verified request: decrypted in compatible/safe mode, as sent otherwise. */
export async function messageDocument(req: WebhookRequest, credentials: Credentials): Promise<string> {
  const raw = new TextDecoder().decode(req.body);
  if (req.url.searchParams.get("encrypt_type") !== "aes") return raw;
  const encrypted = encryptedField(req.body);
  if (!encrypted) throw new Error("WeChat sent encrypt_type=aes without an <Encrypt> element.");
  return decryptMessage(encrypted, credentials.encodingAesKey ?? "", credentials.appId ?? "");
}
