import { z } from "zod";
import type { ContactProfile, ConnectorContext, Credentials } from "../src/connector.ts";
import { cleanProfile } from "../src/profile.ts";
import { apiUrl, readJson, withAccessToken } from "./api.ts";

/**
 * WeChat pushes carry only the OpenID, so the nickname and head image come from
 * `GET /cgi-bin/user/info?access_token&openid&lang` (a stale token is renewed once, as for
 * every call). `subscribe: 0` means the person no longer follows the account and nothing else
 * is returned. Since 2021 WeChat no longer returns real nicknames and pictures to most
 * accounts (empty strings or a placeholder): an empty answer is "no profile", so the OpenID stays.
 * https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_basic_information_UnionID.html
 */
const UserInfoSchema = z.object({
  subscribe: z.number().optional(),
  nickname: z.string().optional(),
  headimgurl: z.string().optional(),
});

export async function fetchProfile(openId: string, credentials: Credentials, ctx: ConnectorContext): Promise<ContactProfile | null> {
  try {
    const outcome = await withAccessToken(credentials, ctx, (token) =>
      readJson(() => ctx.fetch(apiUrl(ctx, "/cgi-bin/user/info", { access_token: token, openid: openId, lang: "zh_CN" }))),
    );
    if (!outcome.ok) return null;
    const parsed = UserInfoSchema.safeParse(outcome.value);
    if (!parsed.success || parsed.data.subscribe === 0) return null;
    return cleanProfile(parsed.data.nickname, upgradeQlogo(parsed.data.headimgurl));
  } catch {
    return null;
  }
}

/** WeChat hands out head images as http:// links on its qlogo.cn CDN, which serves the same path over https. */
function upgradeQlogo(url: string | undefined): string | undefined {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase();
    if (parsed.protocol === "http:" && (host === "qlogo.cn" || host.endsWith(".qlogo.cn"))) parsed.protocol = "https:";
    return parsed.toString();
  } catch {
    return undefined;
  }
}
