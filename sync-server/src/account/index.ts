// Account: what each person manages of their own account (profile: name, picture, notification
// choices; password change; two-factor enrolment, recovery codes; their signed-in devices) and
// the workspace's account security an admin sets (require two-factor sign-in, session lifetime).
// The capability's public surface: other modules import this file, never its insides.
export { registerAccountRoutes } from "./account-routes.ts";
export { refuseBadAvatar } from "./avatar.ts";
