import { z } from "zod";
import type { ContactProfile, ConnectorContext, Credentials } from "../src/connector.ts";
import { cleanProfile } from "../src/profile.ts";
import { graphRequest } from "./graph.ts";

/**
 * Instagram webhooks carry only the IGSID, so the name and picture come from the User Profile
 * API: `GET /{IGSID}?fields=name,username,profile_pic`. `name` is often empty (people need not
 * set one), so the @username stands in. Meta only answers for people who wrote to the account
 * and have not blocked it; every refusal is "no profile".
 * https://developers.facebook.com/docs/messenger-platform/instagram/features/user-profile
 */
const UserProfileSchema = z.object({
  name: z.string().optional(),
  username: z.string().optional(),
  profile_pic: z.string().optional(),
});

export async function fetchProfile(igsid: string, credentials: Credentials, ctx: ConnectorContext): Promise<ContactProfile | null> {
  try {
    const res = await graphRequest(ctx, credentials, "GET", `/${encodeURIComponent(igsid)}`, { query: { fields: "name,username,profile_pic" } });
    if (res.status < 200 || res.status >= 300) return null;
    const parsed = UserProfileSchema.safeParse(res.body);
    if (!parsed.success) return null;
    const { name, username, profile_pic } = parsed.data;
    return cleanProfile(name?.trim() ? name : username ? `@${username}` : null, profile_pic);
  } catch {
    return null;
  }
}
