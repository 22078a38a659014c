import type { Credentials, WebhookRequest } from "../src/connector.ts";
import { decryptMessage } from "./aes.ts";
import { parseBody, textOf, XmlError } from "./xml.ts";

/** The `<Encrypt>` value of a compatible- or safe-mode push. */
export function encryptedField(body: Uint8Array): string | undefined {
  const root = parseBody(new TextDecoder().decode(body));
  const value = textOf(root, "Encrypt");
  return value ? value : undefined;
}

/** The message document of a verified request: decrypted in compatible/safe mode, as sent otherwise. */
export async function messageDocument(req: WebhookRequest, credentials: Credentials): Promise<string> {
  const raw = new TextDecoder().decode(req.body);
  if (req.url.searchParams.get("encrypt_type") !== "aes") return raw;
  const encrypted = encryptedField(req.body);
  if (!encrypted) throw new XmlError("WeChat sent encrypt_type=aes without an <Encrypt> element.");
  return decryptMessage(encrypted, credentials.encodingAesKey ?? "", credentials.appId ?? "");
}
