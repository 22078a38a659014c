import { HttpError } from "../http/http-error.ts";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

/**
 * What a new password must be besides long enough (the shared schema's 12 characters): not a
 * password attackers try first. NIST SP 800-63B asks to refuse passwords from breach corpuses
 * and context-specific words; we check offline against the 10,000 most common ones
 * (common-passwords.ts), also with digits or symbols stuck on either end ("baseball2024!"), a
 * short piece repeated ("abcabcabcabc"), and the person's own email name or name.
 */
export type PasswordProblem = { reason: "password_common" | "password_personal"; message: string };

let common: Set<string> | undefined;
/** Built on first use: most requests never set a password. */
const commonSet = () => (common ??= new Set(COMMON_PASSWORDS.split(" ")));

export function passwordProblem(password: string, about: { email?: string; name?: string } = {}): PasswordProblem | null {
  const lower = password.normalize("NFKC").toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (commonSet().has(lower) || (core.length >= 4 && commonSet().has(core)) || /^(.{1,4})\1+$/s.test(lower)) {
    return { reason: "password_common", message: "This password is too common: it is among the passwords attackers try first. Choose another." };
  }
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const squeezed = letters(lower);
  const personal = [letters(about.email?.split("@")[0] ?? ""), letters(about.name ?? "")].filter((p) => p.length >= 4);
  if (personal.some((p) => squeezed.includes(p))) {
    return { reason: "password_personal", message: "Don't use your name or email address in your password. Choose another." };
  }
  return null;
}

/** Refuses a weak new password in words, with the reason for forms (`fields.reason`). */
export function refuseWeakPassword(password: string, about: { email?: string; name?: string } = {}): void {
  const problem = passwordProblem(password, about);
  if (problem) throw new HttpError(400, "validation_failed", problem.message, { reason: problem.reason });
}
