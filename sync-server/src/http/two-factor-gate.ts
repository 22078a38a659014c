import type { SessionUser } from "./app-env.ts";
import { refused } from "./http-error.ts";

/**
 * The enrolment gate: while the workspace requires a second factor this user has not set up,
 * their session opens nothing but enrolment, /api/me and sign-out (routes declared
 * `whileEnrolling`); every other route, room and file answers 403 `two_factor_required`, so the
 * PWA knows to show the enrolment screen. Decided per request (auth/session-users.ts).
 */
export function refuseUntilEnrolled(user: SessionUser): void {
  if (user.mustEnrolTwoFactor) {
    throw refused(403, "two_factor_required", "two_factor_setup_required");
  }
}
