import type { SecretBox } from "../security/secret-box.ts";

/** Crockford's base32 (no i, l, o, u): nothing to confuse when read off paper. 32 symbols, so a byte mod 32 is unbiased. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of ten symbols (50 bits each), shown as `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const symbols = [...crypto.getRandomValues(new Uint8Array(10))].map((b) => ALPHABET[b % 32]).join("");
    return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
  });
}

/** As typed: any case, with or without the dash or spaces. Null when it cannot be a recovery code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]/g, "");
  return code.length === 10 && [...code].every((ch) => ALPHABET.includes(ch)) ? code : null;
}

/**
 * Stored as an HMAC under the server's key (not a bare hash): 50 bits would fall to an offline
 * search of a leaked table, a keyed hash does not without the key. Bound to the user, so a row
 * copied to another account matches nothing.
 */
export function recoveryCodeHash(secrets: SecretBox, userId: string, normalised: string): Promise<string> {
  return secrets.mac(`recovery-code:${userId}:${normalised}`);
}
