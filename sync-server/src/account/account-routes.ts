import { z } from "zod";
import {
  ChangePasswordRequestSchema,
  ChangePasswordResponseSchema,
  DevicesResponseSchema,
  ProfileResponseSchema,
  RecoveryCodesResponseSchema,
  SignedOutDevicesResponseSchema,
  TwoFactorCodeRequestSchema,
  TwoFactorEnableRequestSchema,
  TwoFactorSetupResponseSchema,
  UpdateProfileRequestSchema,
  WorkspaceSecurityResponseSchema,
  WorkspaceSecuritySchema,
} from "@inbox/shared/api/account";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestActor, requestOrigin } from "../http/audit-actor.ts";
import type { AccountDeps } from "./account-deps.ts";
import { listDevices, signOutDevice, signOutOthers } from "./devices.ts";
import { changePassword } from "./password-change.ts";
import { readProfile, updateProfile } from "./profile.ts";
import { confirmEnrolment, disableTwoFactor, renewRecoveryCodes, startEnrolment } from "./two-factor-enrolment.ts";
import { readWorkspaceSecurity, saveWorkspaceSecurity } from "./workspace-security.ts";

/** The signed-in person's own account (everyone), and the workspace's account security (admins). */
export function registerAccountRoutes(api: ApiRegistry, core: AccountDeps): void {
  api.userRoute(
    { method: "get", path: "/api/me/profile", summary: "Your profile: name, picture, notification choices, two-factor state", tag: "me", access: "user", response: ProfileResponseSchema },
    async ({ user }) => ({ profile: await readProfile(core, user) }),
  );
  api.userRoute(
    { method: "patch", path: "/api/me/profile", summary: "Change your name, picture or notification choices", tag: "me", access: "user", body: UpdateProfileRequestSchema, response: ProfileResponseSchema, bodyLimit: 96 * 1024 },
    async ({ c, user, body }) => ({ profile: await updateProfile(core, user, requestActor(c, user), body) }),
  );
  api.userRoute(
    { method: "post", path: "/api/me/password", summary: "Change your password (current and new); your other sessions end", tag: "me", access: "user", body: ChangePasswordRequestSchema, response: ChangePasswordResponseSchema },
    async ({ c, user, body }) => changePassword(core, user, requestActor(c, user), requestOrigin(c), body),
  );

  api.userRoute(
    { method: "post", path: "/api/me/two-factor/setup", summary: "Start setting up two-factor sign-in: a new secret as a QR code and a text key", tag: "me", access: "user", response: TwoFactorSetupResponseSchema, whileEnrolling: true },
    async ({ user }) => startEnrolment(core, user),
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/me/two-factor/enable",
      summary: "Confirm two-factor sign-in with a code from the app; answers the recovery codes, shown once",
      tag: "me",
      access: "user",
      body: TwoFactorEnableRequestSchema,
      response: RecoveryCodesResponseSchema,
      whileEnrolling: true,
    },
    async ({ c, user, body }) => confirmEnrolment(core, user, requestActor(c, user), body.setupToken, body.code),
  );
  api.userRoute(
    { method: "post", path: "/api/me/two-factor/disable", summary: "Turn two-factor sign-in off (needs a current code)", tag: "me", access: "user", body: TwoFactorCodeRequestSchema, response: z.null(), status: 204 },
    async ({ c, user, body }) => {
      await disableTwoFactor(core, user, requestActor(c, user), body.code);
      return null;
    },
  );
  api.userRoute(
    { method: "post", path: "/api/me/two-factor/recovery-codes", summary: "New recovery codes (needs a current code); the old ones stop working", tag: "me", access: "user", body: TwoFactorCodeRequestSchema, response: RecoveryCodesResponseSchema },
    async ({ c, user, body }) => renewRecoveryCodes(core, user, requestActor(c, user), body.code),
  );

  api.userRoute(
    { method: "get", path: "/api/me/sessions", summary: "Your signed-in devices", tag: "me", access: "user", response: DevicesResponseSchema },
    async ({ user }) => ({ devices: await listDevices(core, user) }),
  );
  api.userRoute(
    { method: "delete", path: "/api/me/sessions/:id", summary: "Sign out one of your devices", tag: "me", access: "user", response: z.null(), status: 204 },
    async ({ c, user, params }) => {
      await signOutDevice(core, user, requestActor(c, user), params.id!);
      return null;
    },
  );
  api.userRoute(
    { method: "post", path: "/api/me/sessions/sign-out-others", summary: "Sign out everywhere else (every session but this one)", tag: "me", access: "user", response: SignedOutDevicesResponseSchema },
    async ({ c, user }) => ({ ended: await signOutOthers(core, user, requestActor(c, user)) }),
  );

  api.userRoute(
    { method: "get", path: "/api/admin/security", summary: "Account security: who must use two-factor sign-in, session lifetime", tag: "admin", access: ["admin"], response: WorkspaceSecurityResponseSchema },
    async ({ user }) => ({ security: await readWorkspaceSecurity(core, user.workspaceId) }),
  );
  api.userRoute(
    { method: "put", path: "/api/admin/security", summary: "Require two-factor sign-in (of admins or everyone) and set the session lifetime", tag: "admin", access: ["admin"], body: WorkspaceSecuritySchema, response: WorkspaceSecurityResponseSchema },
    async ({ c, user, body }) => ({ security: await saveWorkspaceSecurity(core, user, requestActor(c, user), body) }),
  );
}
