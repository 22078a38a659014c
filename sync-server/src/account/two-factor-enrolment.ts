import { and, eq, isNull } from "drizzle-orm";
import { renderSVG } from "uqr";
import type { RecoveryCodesResponse, TwoFactorSetupResponse } from "@inbox/shared/api/account";
import {
  acceptedStep,
  clearedOnSuccess,
  groupedKey,
  newRecoveryCodes,
  newTotpSecret,
  recordFailure,
  recoveryCodeHash,
  refuseWhileLocked,
  sealTotp,
  secondFactorKeys,
  securityOf,
  spendSecondFactor,
  totpUri,
  twoFactorRequired,
} from "../auth/index.ts";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import { users, workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound, refused } from "../http/http-error.ts";
import type { AccountDeps } from "./account-deps.ts";

/** How long a QR code shown for enrolment can be confirmed. */
const SETUP_TTL_MS = 15 * 60_000;

const wrongCode = () => refused(400, "validation_failed", "wrong_code");

/**
 * Enrolment, step one: a new secret, shown as a QR code and as the text key. Nothing is stored
 * yet: the secret travels to step two sealed with the server's key (bound to this user, expiring),
 * so an abandoned enrolment leaves nothing behind and nobody can confirm a secret of their own making.
 */
export async function startEnrolment(core: AccountDeps, user: SessionUser): Promise<TwoFactorSetupResponse> {
  const row = await ownRow(core, user);
  if (row.totpEnabledAt !== null) throw refused(409, "conflict", "two_factor_on");
  const workspace = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, row.workspaceId), columns: { name: true } });
  const secret = newTotpSecret();
  const uri = totpUri(secret, row.email, `Inbox (${workspace?.name ?? "workspace"})`);
  const setupToken = await core.secrets.seal({ purpose: "totp-setup", userId: row.id, secret, expiresAt: String(core.now() + SETUP_TTL_MS) });
  return { setupToken, secret: groupedKey(secret), uri, qrCode: `data:image/svg+xml;base64,${btoa(renderSVG(uri, { border: 2 }))}` };
}

/** Step two: a code from the app proves it holds the secret; then the ten recovery codes, shown once. */
export async function confirmEnrolment(core: AccountDeps, user: SessionUser, actor: AuditActor, setupToken: string, code: string): Promise<RecoveryCodesResponse> {
  const setup = await core.secrets.open(setupToken).catch(() => null);
  if (!setup || setup["purpose"] !== "totp-setup" || setup["userId"] !== user.id || Number(setup["expiresAt"]) < core.now() || !setup["secret"]) {
    throw new HttpError(400, "validation_failed", "This set-up has expired. Start again.", { reason: "setup_expired" });
  }
  const step = acceptedStep(setup["secret"], code.replace(/\s/g, ""), null, core.now());
  if (step === null) throw wrongCode();
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map((c) => recoveryCodeHash(core.secrets, user.id, c.replace("-", ""))));
  const at = core.now();
  const [won] = (await core.writer.write([
    core.db
      .update(users)
      .set({ totpSecretEnc: await sealTotp(core.secrets, setup["secret"], step), totpEnabledAt: at, recoveryCodeHashes: hashes })
      .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)))
      .returning({ id: users.id }),
    auditInsert(core, { ...actor, workspaceId: user.workspaceId, action: "auth.two_factor_enabled", target: user.id, at }),
  ])) as unknown[][];
  if (!won?.length) throw refused(409, "conflict", "two_factor_on");
  return { recoveryCodes };
}

/**
 * A current code (from the app, or a recovery code) is needed to turn two-factor sign-in off or
 * to get new recovery codes: a session left open on a shared computer cannot do either. Wrong
 * codes back off like sign-in's.
 */
async function spendCurrentCode(core: AccountDeps, user: SessionUser, code: string) {
  const row = await ownRow(core, user);
  if (row.totpEnabledAt === null) throw refused(409, "conflict", "two_factor_off");
  const keys = secondFactorKeys(user.id);
  await refuseWhileLocked(core, keys);
  if (!(await spendSecondFactor(core, row, code))) {
    await recordFailure(core, keys);
    throw wrongCode();
  }
  return { row, cleared: clearedOnSuccess(core, keys) };
}

export async function disableTwoFactor(core: AccountDeps, user: SessionUser, actor: AuditActor, code: string): Promise<void> {
  const row = await ownRow(core, user);
  const workspace = await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, row.workspaceId), columns: { security: true } });
  if (twoFactorRequired(securityOf(workspace?.security), row.role)) {
    throw new HttpError(409, "conflict", "Your workspace requires two-factor sign-in, so it cannot be turned off.", { reason: "two_factor_required_by_workspace" });
  }
  const { cleared } = await spendCurrentCode(core, user, code);
  await core.writer.write([
    core.db.update(users).set({ totpSecretEnc: null, totpEnabledAt: null, recoveryCodeHashes: [] }).where(eq(users.id, user.id)),
    ...cleared,
    auditInsert(core, { ...actor, workspaceId: user.workspaceId, action: "auth.two_factor_disabled", target: user.id, at: core.now() }),
  ]);
}

/** Ten new recovery codes; the old ones stop working. */
export async function renewRecoveryCodes(core: AccountDeps, user: SessionUser, actor: AuditActor, code: string): Promise<RecoveryCodesResponse> {
  const { cleared } = await spendCurrentCode(core, user, code);
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map((c) => recoveryCodeHash(core.secrets, user.id, c.replace("-", ""))));
  await core.writer.write([
    core.db.update(users).set({ recoveryCodeHashes: hashes }).where(eq(users.id, user.id)),
    ...cleared,
    auditInsert(core, { ...actor, workspaceId: user.workspaceId, action: "auth.recovery_codes_renewed", target: user.id, at: core.now() }),
  ]);
  return { recoveryCodes };
}

async function ownRow(core: AccountDeps, user: SessionUser) {
  const row = await core.db.query.users.findFirst({ where: eq(users.id, user.id) });
  if (!row) throw notFound("account");
  return row;
}
