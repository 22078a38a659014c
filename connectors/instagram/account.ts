import type { ConnectorContext, CredentialCheck, Credentials } from "../src/connector.ts";
import { graphErrorOf, graphRequest } from "./graph.ts";

/** Checks the token against the account: `GET /{ig-account-id}?fields=id,username,name`. */
export async function validateCredentials(credentials: Credentials, ctx: ConnectorContext): Promise<CredentialCheck> {
  let res;
  try {
    res = await graphRequest(ctx, credentials, "GET", `/${encodeURIComponent(credentials.igAccountId ?? "")}`, { query: { fields: "id,username,name" } });
  } catch (err) {
    return { ok: false, reason: `Could not reach Instagram (${err instanceof Error ? err.message : String(err)}).` };
  }
  const error = graphErrorOf(res.body);
  if (res.status >= 200 && res.status < 300 && !error) {
    const body = res.body as { username?: unknown; name?: unknown };
    const name = typeof body.username === "string" ? `@${body.username}` : typeof body.name === "string" ? body.name : undefined;
    return name ? { ok: true, accountName: name } : { ok: true };
  }
  if (error && /appsecret_proof/i.test(error.message)) {
    return { ok: false, reason: "The app secret does not belong to the app that issued this token. Copy it again from App settings → Basic." };
  }
  if (error?.code === 190 || error?.code === 102 || res.status === 401) {
    return { ok: false, reason: `Instagram did not accept the access token (${error?.message ?? `HTTP ${res.status}`}). Generate a new token and try again.` };
  }
  if (error?.code === 100 || res.status === 404) {
    return { ok: false, reason: `The token cannot see Instagram account ${credentials.igAccountId} (${error?.message ?? `HTTP ${res.status}`}). Check the account id and that it is linked to the token's Page.` };
  }
  return { ok: false, reason: `Instagram refused the credentials: ${error?.message ?? `HTTP ${res.status}`}.` };
}
