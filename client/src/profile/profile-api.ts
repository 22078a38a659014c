/** The profile page's requests: all online (nothing here is kept on the device). */
import {
  ChangePasswordResponseSchema,
  DevicesResponseSchema,
  ProfileResponseSchema,
  RecoveryCodesResponseSchema,
  SignedOutDevicesResponseSchema,
  TwoFactorSetupResponseSchema,
  type ChangePasswordRequest,
  type UpdateProfileRequest,
} from "@inbox/shared/api/account";
import { request } from "../api/http.ts";

export const profileApi = {
  profile: () => request("/api/me/profile", { schema: ProfileResponseSchema }),
  update: (body: UpdateProfileRequest) => request("/api/me/profile", { method: "PATCH", body, schema: ProfileResponseSchema }),
  changePassword: (body: ChangePasswordRequest) => request("/api/me/password", { method: "POST", body, schema: ChangePasswordResponseSchema }),
  startTwoFactor: () => request("/api/me/two-factor/setup", { method: "POST", schema: TwoFactorSetupResponseSchema }),
  enableTwoFactor: (setupToken: string, code: string) => request("/api/me/two-factor/enable", { method: "POST", body: { setupToken, code }, schema: RecoveryCodesResponseSchema }),
  disableTwoFactor: (code: string) => request("/api/me/two-factor/disable", { method: "POST", body: { code } }),
  renewRecoveryCodes: (code: string) => request("/api/me/two-factor/recovery-codes", { method: "POST", body: { code }, schema: RecoveryCodesResponseSchema }),
  devices: () => request("/api/me/sessions", { schema: DevicesResponseSchema }),
  signOutDevice: (id: string) => request(`/api/me/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
  signOutOthers: () => request("/api/me/sessions/sign-out-others", { method: "POST", schema: SignedOutDevicesResponseSchema }),
};
