import { z } from "zod";
import type { ContactProfile, ConnectorContext, Credentials } from "../src/connector.ts";
import { cleanProfile } from "../src/profile.ts";
import { graphUrl } from "./send.ts";

/**
 * Messenger webhooks carry only the PSID, so the name and picture come from the User Profile
 * API: `GET /{PSID}?fields=first_name,last_name,profile_pic` with the Page token. Meta may
 * withhold fields (privacy, no `pages_messaging` approval) or refuse the call: all of that is
 * "no profile", never an error the caller must handle.
 * https://developers.facebook.com/docs/messenger-platform/identity/user-profile
 */
const UserProfileSchema = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  profile_pic: z.string().optional(),
});

export async function fetchProfile(psid: string, credentials: Credentials, ctx: ConnectorContext): Promise<ContactProfile | null> {
  try {
    const url = await graphUrl(`/${encodeURIComponent(psid)}`, credentials, ctx, { fields: "first_name,last_name,profile_pic" });
    const res = await ctx.fetch(url, { headers: { authorization: `Bearer ${credentials.pageAccessToken ?? ""}` } });
    if (!res.ok) {
      await res.body?.cancel();
      return null;
    }
    const parsed = UserProfileSchema.safeParse(await res.json());
    if (!parsed.success) return null;
    const name = [parsed.data.first_name, parsed.data.last_name].filter(Boolean).join(" ");
    return cleanProfile(name, parsed.data.profile_pic);
  } catch {
    return null;
  }
}
