import { and, eq } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { users } from "../db/schema.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { normaliseRecoveryCode, recoveryCodeHash } from "./recovery-codes.ts";
import { acceptedStep } from "./totp.ts";

export interface SecondFactorDeps extends Writes {
  secrets: SecretBox;
}

type TwoFactorRow = Pick<typeof users.$inferSelect, "id" | "totpSecretEnc" | "recoveryCodeHashes">;

/**
 * The TOTP secret at rest: sealed with the server's key (security/secret-box.ts) together with
 * the last time step accepted, so a code is spent once without another column.
 */
export async function sealTotp(secrets: SecretBox, secret: string, lastStep: number | null): Promise<string> {
  return secrets.seal({ secret, lastStep: lastStep === null ? "" : String(lastStep) });
}

async function openTotp(secrets: SecretBox, sealed: string): Promise<{ secret: string; lastStep: number | null }> {
  const { secret = "", lastStep = "" } = await secrets.open(sealed);
  return { secret, lastStep: lastStep === "" ? null : Number(lastStep) };
}

/**
 * Checks a code from the authenticator app or a recovery code and spends it: the write is
 * conditional on the row being as read, so two requests racing with one code get in once.
 * Answers what was used, or null for a wrong (or already used) code.
 */
export async function spendSecondFactor(core: SecondFactorDeps, row: TwoFactorRow, typed: string): Promise<"totp" | "recovery" | null> {
  if (!row.totpSecretEnc) return null;
  const digits = typed.replace(/\s/g, "");
  if (/^\d{6}$/.test(digits)) {
    const { secret, lastStep } = await openTotp(core.secrets, row.totpSecretEnc);
    const step = acceptedStep(secret, digits, lastStep, core.now());
    if (step === null) return null;
    const sealed = await sealTotp(core.secrets, secret, step);
    const [won] = (await core.writer.write([
      core.db.update(users).set({ totpSecretEnc: sealed }).where(and(eq(users.id, row.id), eq(users.totpSecretEnc, row.totpSecretEnc))).returning({ id: users.id }),
    ])) as unknown[][];
    return won?.length ? "totp" : null;
  }
  const code = normaliseRecoveryCode(typed);
  if (!code) return null;
  const hash = await recoveryCodeHash(core.secrets, row.id, code);
  if (!row.recoveryCodeHashes.includes(hash)) return null;
  const [won] = (await core.writer.write([
    core.db
      .update(users)
      .set({ recoveryCodeHashes: row.recoveryCodeHashes.filter((h) => h !== hash) })
      .where(and(eq(users.id, row.id), eq(users.recoveryCodeHashes, row.recoveryCodeHashes)))
      .returning({ id: users.id }),
  ])) as unknown[][];
  return won?.length ? "recovery" : null;
}
