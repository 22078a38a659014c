import type { ConnectorContext, CredentialCheck, Credentials } from "../src/connector.ts";
import { fetchAccessToken } from "./api.ts";

/** Getting an access token proves AppID, AppSecret and the IP whitelist in one call. */
export async function validateCredentials(credentials: Credentials, ctx: ConnectorContext): Promise<CredentialCheck> {
  const outcome = await fetchAccessToken(credentials, ctx);
  if (outcome.ok) return { ok: true };
  const failure = outcome.failure;
  if (failure.type === "network") return { ok: false, reason: "WeChat could not be reached; try again in a moment." };
  if (failure.type === "http") return { ok: false, reason: `WeChat answered with HTTP ${failure.status}; try again in a moment.` };
  switch (failure.errcode) {
    case 40013:
    case 41002:
      return { ok: false, reason: "WeChat does not recognise this AppID. Copy it from Basic configuration (基本配置)." };
    case 40001:
    case 40125:
    case 41004:
      return { ok: false, reason: "WeChat refused the AppSecret. Copy it (or reset it) in Basic configuration (基本配置)." };
    case 40164:
    case 61004:
      return {
        ok: false,
        reason: `WeChat refused this server's IP address (${failure.errmsg}). Add it to the IP whitelist (IP白名单) in Basic configuration.`,
      };
    case 45009:
    case 45011:
      return { ok: false, reason: "This WeChat account has reached its API limit; try again later." };
    case -1:
      return { ok: false, reason: "WeChat is busy; try again in a moment." };
    default:
      return { ok: false, reason: `WeChat refused the credentials (error ${failure.errcode}${failure.errmsg ? `: ${failure.errmsg}` : ""}).` };
  }
}
