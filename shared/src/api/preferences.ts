import { z } from "zod";
import { LocaleSchema, UserSchema } from "../domain/user.ts";

/** The signed-in user's own settings; each field is optional so a client changes one at a time. */
export const PreferencesRequestSchema = z.strictObject({
  locale: LocaleSchema.optional(),
});
export type PreferencesRequest = z.infer<typeof PreferencesRequestSchema>;

export const PreferencesResponseSchema = z.object({ user: UserSchema });
export type PreferencesResponse = z.infer<typeof PreferencesResponseSchema>;
