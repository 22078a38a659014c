// Auth: sign-in (password, then a second factor where the account has one) and sign-out,
// sessions (cookie or Bearer) and the enrolment gate's decision, the sign-in throttle, password
// hashing and policy, TOTP and recovery codes.
// The capability's public surface: other modules import this file, never its insides.
export { registerAuthRoutes } from "./auth-routes.ts";
export { nobleScrypt } from "./noble-scrypt.ts";
export { PasswordHasher, type ScryptKdf, type ScryptParams } from "./password.ts";
export { passwordProblem, refuseWeakPassword } from "./password-policy.ts";
export { newRecoveryCodes, normaliseRecoveryCode, recoveryCodeHash } from "./recovery-codes.ts";
export { sealTotp, spendSecondFactor } from "./second-factor.ts";
export { LAST_USED_GRAIN_MS, sessionMiddleware } from "./session-middleware.ts";
export { usersOfSessions, type SessionReads } from "./session-users.ts";
export { secondFactorKeys, type AuthDeps } from "./sessions.ts";
export { clearedOnSuccess, recordFailure, refuseWhileLocked, throttleKeys } from "./sign-in-throttle.ts";
export { randomToken, sha256Hex } from "./tokens.ts";
export { acceptedStep, groupedKey, newTotpSecret, totpUri } from "./totp.ts";
export { securityOf, twoFactorRequired } from "./two-factor-policy.ts";
