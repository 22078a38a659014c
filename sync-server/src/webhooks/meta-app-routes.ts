import type { Hono } from "hono";
import { MalformedWebhookError, metaAcknowledge, metaDeliveryKeys, metaHandshake, metaWebhookSecrets, splitMetaDelivery, type MetaSplit, type WebhookRequest } from "@inbox/connectors";
import { metaAppMembers, type ChannelsDeps, type MetaAppMember } from "../channels/index.ts";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError, notFoundSaying } from "../http/http-error.ts";
import { readRawBody } from "../http/read-body.ts";
import type { Admission } from "../http/admission.ts";
import type { WebhookProcessor } from "./webhook-processor.ts";
import { withoutSecrets } from "./webhook-secrets.ts";
import { asWebhookRequest, WEBHOOK_BODY_LIMIT } from "./webhook-request.ts";
import { recordUnrouted, type UnroutedEntry } from "./meta-app-unrouted.ts";
import { recordContested } from "./meta-app-contested.ts";
import { routeMetaParts, verifiedMembers } from "./meta-app-routing.ts";

const APP_ID = /^\d{1,32}$/;

type Deps = ChannelsDeps & { webhooks: Pick<WebhookProcessor, "store">; admission: Pick<Admission, "admitWebhook"> };

/**
 * `GET|POST /webhooks/meta/<appId>`: the one callback URL Meta configures per app. The
 * subscription check accepts the verify token of any inbox of the app. A delivery is verified
 * with the app secrets its inboxes hold, and only the inboxes whose secret verified it take part
 * (inboxes of any workspace may name the app; only the secret shows whose it is). It is split
 * by account: each part is stored for the inbox whose Page id, Instagram account id or
 * phone-number id it names, exactly as the inbox's own URL would store it (same delivery keys,
 * so a redelivery is stored once), before the 200. Entries for accounts no such inbox holds are
 * recorded and skipped; the rest are still taken. An account such inboxes of two workspaces hold
 * goes to the workspace that connected it first, logged as an error and audited in each.
 */
export function registerMetaAppRoutes(app: Hono<AppEnv>, core: Deps): void {
  app.get("/webhooks/meta/:appId", async (c) => {
    const members = await membersOf(core, c.req.param("appId"));
    const req = asWebhookRequest(c.req.raw, new Uint8Array());
    let refused: { status: number; body: string } | null = null;
    for (const member of members) {
      const reply = await metaHandshake(req, member.credentials);
      if (!reply) throw new HttpError(404, "not_found", "This address only accepts Meta's webhooks.");
      if (reply.status === 200) return c.body(reply.body, 200, { "content-type": "text/plain" });
      refused = reply;
    }
    return c.body(refused?.body ?? "Verify token does not match this app.", 403, { "content-type": "text/plain" });
  });

  app.post("/webhooks/meta/:appId", async (c) => {
    const appId = c.req.param("appId");
    const members = await membersOf(core, appId);
    // Meta redelivers what it was refused (http/admission.ts): an overloaded server says 503 first.
    core.admission.admitWebhook(true);
    const req = asWebhookRequest(c.req.raw, await readRawBody(c, WEBHOOK_BODY_LIMIT));
    const verified = await verifiedMembers(req, members);
    if (verified === "none") throw new HttpError(409, "channel_unavailable", `No connected inbox of Meta app ${appId} holds its app secret.`);
    if (verified.length === 0) throw new HttpError(401, "unauthenticated", "The webhook signature is missing or wrong.");
    let split: MetaSplit;
    try {
      split = splitMetaDelivery(req.body);
    } catch (err) {
      // Signed by Meta but not a delivery any channel reads: answered, so Meta does not retry it forever.
      if (!(err instanceof MalformedWebhookError)) throw err;
      await recordUnrouted(core, appId, verified, [{ object: "unknown", accountId: null, reason: err.message }]);
      return acknowledged(c);
    }
    const routing = routeMetaParts(split.object, split.parts, verified);
    const unrouted: UnroutedEntry[] = [];
    for (let i = 0; i < split.unroutable; i++) unrouted.push({ object: split.object, accountId: null, reason: "The entry names no account." });
    unrouted.push(...routing.unrouted);
    for (const claim of routing.contested) {
      // Every time, not once an hour: a workspace misses each of these customers' messages.
      console.error("Meta app webhook: an id claimed by inboxes of several workspaces; delivered only to the one that connected it first", JSON.stringify({ appId, object: split.object, ...claim }));
    }
    const stored = withoutSecrets(req, metaWebhookSecrets);
    for (const { part, targets } of routing.deliveries) {
      const partReq: WebhookRequest = { ...stored, body: part.body };
      const keys = await metaDeliveryKeys(partReq);
      for (const target of targets) await core.webhooks.store(target.inbox.id, partReq, keys);
    }
    if (unrouted.length > 0) await recordUnrouted(core, appId, verified, unrouted);
    if (routing.contested.length > 0) await recordContested(core, appId, split.object, routing.contested);
    return acknowledged(c);
  });
}

/** The app's inboxes; an app no inbox names does not exist here. */
async function membersOf(core: Deps, appId: string): Promise<MetaAppMember[]> {
  if (!APP_ID.test(appId)) throw notFoundSaying("This Meta app");
  const members = await metaAppMembers(core, appId);
  if (members.length === 0) throw notFoundSaying("This Meta app");
  return members;
}

function acknowledged(c: { body(body: string, status: 200, headers: Record<string, string>): Response }): Response {
  const ack = metaAcknowledge();
  return c.body(ack.body, 200, { "content-type": ack.contentType ?? "text/plain" });
}
