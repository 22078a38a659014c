import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "../http/app-env.ts";

// CLIENT_DIST lets a developer (or a parallel test run) serve a build from elsewhere.
const CLIENT_DIR = process.env.CLIENT_DIST || fileURLToPath(new URL("../../../client/dist", import.meta.url));
const WIDGET_DIR = fileURLToPath(new URL("../../../client/dist-widget", import.meta.url));

/** Serves the built PWA (with SPA fallback) and the widget script from the same port. */
export function mountStaticFiles(app: Hono<AppEnv>): void {
  const clientRoot = relative(process.cwd(), CLIENT_DIR) || ".";
  const widgetRoot = relative(process.cwd(), WIDGET_DIR) || ".";
  app.get("/widget.js", serveStatic({ root: widgetRoot, path: "widget.js", onFound: (_p, c) => { c.header("Cache-Control", "no-cache"); } }));
  // The service worker and manifest must be revalidated, or clients keep an old app forever.
  app.get("/sw.js", serveStatic({ root: clientRoot, onFound: (_p, c) => { c.header("Cache-Control", "no-cache"); } }));
  app.use("/*", serveStatic({ root: clientRoot }));
  const index = join(CLIENT_DIR, "index.html");
  app.get("*", (c) => {
    if (!existsSync(index)) return c.text("The app is not built yet: run `npm run build`.", 503);
    return c.html(readFileSync(index, "utf8"));
  });
}
