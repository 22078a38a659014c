import type { Hono } from "hono";
import { credentialsOf, webhookInbox, type ChannelsDeps } from "../channels/index.ts";
import type { WebhookProcessor } from "./webhook-processor.ts";
import { withoutSecrets } from "./webhook-secrets.ts";
import { registerMetaAppRoutes } from "./meta-app-routes.ts";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import { asWebhookRequest, WEBHOOK_BODY_LIMIT } from "./webhook-request.ts";
import { readRawBody } from "../http/read-body.ts";
import type { Admission } from "../http/admission.ts";

/** What the webhook routes need: the channels, storing deliveries, and admission control. */
export type WebhookRouteDeps = ChannelsDeps & { webhooks: Pick<WebhookProcessor, "store">; admission: Pick<Admission, "admitWebhook"> };

/**
 * `GET|POST /webhooks/<platform>/<inboxId>`: the platform's setup handshake, and deliveries.
 * A delivery is verified over its raw bytes (a bad or missing signature is a 401 and nothing is
 * stored), stored without its secrets (once per delivery key), and only then acknowledged;
 * processing happens after the answer. While the server is overloaded, a platform that
 * redelivers refused webhooks is answered 503 with Retry-After before its body is even read
 * (http/admission.ts); the others are stored as usual.
 */
export function registerWebhookRoutes(app: Hono<AppEnv>, core: WebhookRouteDeps): void {
  // Before the per-inbox routes, which `/webhooks/meta/<appId>` would otherwise match.
  registerMetaAppRoutes(app, core);
  app.get("/webhooks/:platform/:inboxId", async (c) => {
    const { inbox, connector } = await webhookInbox(core, c.req.param("platform"), c.req.param("inboxId"));
    const reply = await connector.handshake(asWebhookRequest(c.req.raw, new Uint8Array()), await credentialsOf(core, inbox));
    if (!reply) throw new HttpError(404, "not_found", "This address only accepts the platform's webhooks.");
    return c.body(reply.body, reply.status as 200, { "content-type": reply.contentType ?? "text/plain" });
  });

  app.post("/webhooks/:platform/:inboxId", async (c) => {
    const { inbox, connector } = await webhookInbox(core, c.req.param("platform"), c.req.param("inboxId"));
    core.admission.admitWebhook(connector.redeliversRefusedWebhooks === true);
    const req = asWebhookRequest(c.req.raw, await readRawBody(c, WEBHOOK_BODY_LIMIT));
    const credentials = await credentialsOf(core, inbox);
    if (!(await connector.verify(req, credentials, core.now()))) {
      throw new HttpError(401, "unauthenticated", "The webhook signature is missing or wrong.");
    }
    const keys = await connector.deliveryKeys(req, credentials);
    // A redelivery gets the usual answer, so the platform stops retrying; it is not stored twice.
    const outcome = await core.webhooks.store(inbox.id, withoutSecrets(req, connector.webhookSecrets), keys);
    if (outcome === "replayed") throw new HttpError(401, "unauthenticated", "This webhook signature was already used for another delivery.");
    const ack = connector.acknowledge(req);
    return c.body(ack.body, ack.status as 200, { "content-type": ack.contentType ?? "text/plain" });
  });
}
