import { sha256Hex as sha256HexOf, toBase64url, utf8 } from "@inbox/connectors/src/crypto.ts";

/** Random bearer secrets and their stored hashes; Node and Workers alike. */
export function randomToken(bytes = 32): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return toBase64url(buf);
}

/** A token's stored form: the hex SHA-256 of its text. */
export function sha256Hex(value: string): Promise<string> {
  return sha256HexOf(utf8(value));
}
