// Auth: sign-in and sign-out, sessions (cookie or Bearer), the sign-in throttle, password hashing.
// The capability's public surface: other modules import this file, never its insides.
export { registerAuthRoutes } from "./auth-routes.ts";
export { nobleScrypt } from "./noble-scrypt.ts";
export { PasswordHasher, type ScryptKdf, type ScryptParams } from "./password.ts";
export { sessionMiddleware } from "./session-middleware.ts";
export { usersOfSessions, type SessionReads } from "./session-users.ts";
export { randomToken, sha256Hex } from "./tokens.ts";
