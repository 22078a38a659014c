import type { Hono } from "hono";
import { and, asc, eq } from "drizzle-orm";
import { sessionMiddleware } from "../auth/index.ts";
import type { SessionReads } from "../auth/index.ts";
import { inboxes } from "../db/schema.ts";
import type { AppEnv } from "../http/app-env.ts";

/**
 * A sample customer website with the widget embedded, so anyone can try the web chat. Served
 * only while the demo is on, and for one workspace: `?inbox=<id>` names a web chat inbox (its
 * id is public anyway: it is in every embed snippet); otherwise the signed-in user's workspace,
 * or the demo workspace. It never picks another workspace's inbox.
 */
export function registerDemoRoutes(app: Hono<AppEnv>, core: SessionReads, demo: { workspaceId: string | null }): void {
  app.get("/demo", sessionMiddleware(core), async (c) => {
    const wanted = c.req.query("inbox");
    const workspaceId = c.get("user")?.workspaceId ?? demo.workspaceId;
    const where = wanted
      ? and(eq(inboxes.id, wanted), eq(inboxes.channel, "webchat"))
      : workspaceId
        ? and(eq(inboxes.workspaceId, workspaceId), eq(inboxes.channel, "webchat"))
        : undefined;
    const inbox = where && (await core.db.query.inboxes.findFirst({ where, orderBy: asc(inboxes.createdAt) }));
    if (!inbox) return c.text("No web chat inbox to show here. Connect one in the admin settings, or add ?inbox=<web chat inbox id>.", 404);
    return c.html(demoPage(new URL(c.req.url).origin, inbox.id, inbox.name));
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function demoPage(origin: string, inboxId: string, name: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Outdoor Gear — demo shop</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; background: #f8fafc; }
  header { background: #14532d; color: white; padding: 1.25rem 2rem; }
  main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; }
  .card { background: white; border-radius: 12px; padding: 1.5rem; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  code { background: #e2e8f0; padding: .1rem .3rem; border-radius: 4px; }
</style>
</head>
<body>
<header><h1>Acme Outdoor Gear</h1></header>
<main>
  <div class="card">
    <h2>Demo website</h2>
    <p>This page stands in for a customer's website. The chat button in the corner is the
    <strong>${escapeHtml(name)}</strong> web chat, embedded with one tag:</p>
    <p><code>&lt;script src="${escapeHtml(origin)}/widget.js" data-inbox-id="${escapeHtml(inboxId)}" async&gt;&lt;/script&gt;</code></p>
    <p>Write as a customer here, then answer from the inbox in another window.</p>
  </div>
</main>
<script src="/widget.js" data-inbox-id="${escapeHtml(inboxId)}" async></script>
</body>
</html>`;
}
