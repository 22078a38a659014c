// The parts of `http_ece` (Web Push content encoding, the library `web-push` encrypts with) that
// the push service stand-in uses to decrypt what the server sent.
declare module "http_ece" {
  import type { ECDH } from "node:crypto";
  export function decrypt(buffer: Buffer, params: { version: "aes128gcm"; privateKey: ECDH; authSecret: string | Buffer }): Buffer;
}
