import { fromBase64, timingSafeEqualText } from "../src/crypto.ts";
import { MalformedWebhookError } from "../src/malformed.ts";

/**
 * WeChat's message encryption (compatible and safe modes), decrypt side only: we always answer
 * "success" in plain text, which WeChat accepts in every mode.
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
 *
 * key = Base64(EncodingAESKey + "="), 32 bytes; AES-256-CBC with IV = key[0..16);
 * plaintext = 16 random bytes ‖ uint32 BE length ‖ XML ‖ AppID, PKCS#7-padded to 32-byte blocks.
 */

const WECHAT_BLOCK = 32;
const AES_BLOCK = 16;

export class DecryptError extends MalformedWebhookError {
  override name = "DecryptError";
}

export function aesKeyBytes(encodingAesKey: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new DecryptError("The EncodingAESKey must be 43 letters and digits.");
  const key = fromBase64(encodingAesKey + "=");
  if (key.length !== 32) throw new DecryptError("The EncodingAESKey does not decode to 32 bytes.");
  return new Uint8Array(key);
}

/** Decrypts an `<Encrypt>` value and checks that it was meant for this AppID; returns the inner XML. */
export async function decryptMessage(encrypted: string, encodingAesKey: string, appId: string): Promise<string> {
  const keyBytes = aesKeyBytes(encodingAesKey);
  let ciphertext: Uint8Array;
  try {
    ciphertext = fromBase64(encrypted.trim());
  } catch {
    throw new DecryptError("The encrypted message is not valid Base64.");
  }
  if (ciphertext.length === 0 || ciphertext.length % WECHAT_BLOCK !== 0) {
    throw new DecryptError("The encrypted message is not a whole number of 32-byte blocks.");
  }

  const key = await crypto.subtle.importKey("raw", keyBytes, { name: "AES-CBC" }, false, ["encrypt", "decrypt"]);
  const padded = await decryptWithoutUnpadding(key, keyBytes.slice(0, AES_BLOCK), ciphertext);

  // PKCS#7 with WeChat's 32-byte block: 1..32 bytes, all equal to the count.
  const pad = padded[padded.length - 1]!;
  if (pad < 1 || pad > WECHAT_BLOCK) throw new DecryptError("Bad padding in the encrypted message.");
  for (let i = padded.length - pad; i < padded.length; i++) {
    if (padded[i] !== pad) throw new DecryptError("Bad padding in the encrypted message.");
  }
  const plain = padded.subarray(0, padded.length - pad);

  if (plain.length < 20) throw new DecryptError("The decrypted message is too short.");
  const length = new DataView(plain.buffer, plain.byteOffset + 16, 4).getUint32(0, false);
  if (20 + length > plain.length) throw new DecryptError("The decrypted message length is wrong.");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let xml: string;
  let sentAppId: string;
  try {
    xml = decoder.decode(plain.subarray(20, 20 + length));
    sentAppId = decoder.decode(plain.subarray(20 + length));
  } catch {
    throw new DecryptError("The decrypted message is not UTF-8.");
  }
  if (!timingSafeEqualText(sentAppId, appId)) throw new DecryptError("The encrypted message is for another AppID.");
  return xml;
}

/**
 * WebCrypto's AES-CBC always strips (and checks) 16-byte PKCS#7 padding, which WeChat's 32-byte
 * padding fails whenever it is longer than 16. So we append one crafted block that decrypts to a
 * full 16-byte padding block: E_k(C_last XOR 0x10…10), which is exactly what encrypting an empty
 * message with IV = C_last yields. WebCrypto then removes only that block and hands back the raw
 * plaintext, which we unpad ourselves.
 */
async function decryptWithoutUnpadding(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, ciphertext: Uint8Array): Promise<Uint8Array> {
  const lastBlock = ciphertext.slice(ciphertext.length - AES_BLOCK);
  const extra = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-CBC", iv: lastBlock }, key, new Uint8Array(0)));
  const extended = new Uint8Array(ciphertext.length + AES_BLOCK);
  extended.set(ciphertext);
  extended.set(extra.subarray(0, AES_BLOCK), ciphertext.length);
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, key, extended));
  if (plain.length !== ciphertext.length) throw new DecryptError("Unexpected AES-CBC output length.");
  return plain;
}
