import { z } from "zod";
import type { ContactProfile, ConnectorContext, Credentials } from "../src/connector.ts";
import { cleanProfile } from "../src/profile.ts";
import { apiBase } from "./send.ts";

/**
 * LINE webhooks carry only the userId, so the name and picture come from
 * `GET /v2/bot/profile/{userId}` (Bearer channel access token) → `{displayName, userId,
 * pictureUrl?, statusMessage?, language?}`. LINE answers 404 for someone who is not a friend
 * of the account (or blocked it): "no profile", like any other failure.
 * https://developers.line.biz/en/reference/messaging-api/#get-profile
 */
const ProfileSchema = z.object({
  displayName: z.string(),
  pictureUrl: z.string().optional(),
});

export async function fetchProfile(userId: string, credentials: Credentials, ctx: ConnectorContext): Promise<ContactProfile | null> {
  try {
    const res = await ctx.fetch(`${apiBase(ctx)}/v2/bot/profile/${encodeURIComponent(userId)}`, {
      headers: { authorization: `Bearer ${credentials.channelAccessToken ?? ""}` },
    });
    if (!res.ok) {
      await res.body?.cancel();
      return null;
    }
    const parsed = ProfileSchema.safeParse(await res.json());
    return parsed.success ? cleanProfile(parsed.data.displayName, parsed.data.pictureUrl) : null;
  } catch {
    return null;
  }
}
