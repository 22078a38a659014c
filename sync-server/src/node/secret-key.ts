import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The credentials key for the one-machine build: INBOX_SECRET_KEY (base64 of 32 bytes) when
 * set; otherwise a key generated on first start into the data folder (mode 600), next to the
 * database it protects but never in the repository.
 */
export function loadSecretKey(envValue: string | undefined, keyFile: string): Uint8Array {
  if (envValue) return Uint8Array.from(Buffer.from(envValue, "base64"));
  if (existsSync(keyFile)) return Uint8Array.from(Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64"));
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = crypto.getRandomValues(new Uint8Array(32));
  writeFileSync(keyFile, Buffer.from(key).toString("base64"), { mode: 0o600 });
  return key;
}
