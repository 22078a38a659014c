import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";
import { BACKGROUND_COLOR, THEME_COLOR } from "./src/theme.ts";
import { zodMiniOwnCopy } from "./zod-mini-copy.ts";

/** Where `npx tsx sync-server/src/node.ts` listens; the dev server forwards API and sync to it. */
const SERVER = "http://127.0.0.1:8787";

/**
 * Paths the server answers itself. The service worker must not turn a navigation to one of these
 * into the app shell, or e.g. the widget demo page and the OpenAPI document would open the inbox.
 */
const SERVER_PATHS = ["/api", "/sync", "/webhooks", "/media", "/demo", "/widget.js", "/openapi.json", "/healthz", "/simulator"].map(
  // Workbox tests pathname + search, so "/demo?inbox=1" must match as well as "/demo/x".
  (path) => new RegExp(`^${path.replace(/[.]/g, "\\.")}(?:[/?]|$)`),
);

/** See the "first-load" chunk group below. */
const FIRST_LOAD_SHARED = new RegExp(
  [
    String.raw`client/src/(ui/on-demand|app/(app-state|me-cache|locale-preference)|format/(time|labels)|i18n/[\w-]+|shortcuts/keymap)\.tsx?$`,
    String.raw`client/src/(local/(db|rows|search-tokens|wipe-plan)|settings/settings-access|sync/(outcomes|refusal-words|bulk-ledger)|api/(http|error-words))\.tsx?$`,
    String.raw`shared/src/domain/(permissions-policy|user-rules|routing|sla-rules|conversation-rules|message-rules|list-view-rules|channel-types)\.ts$`,
    String.raw`shared/src/(api/(error-codes|data-rights-access)|mini/schemas)\.ts$`,
    String.raw`vite/preload-helper|zod-mini-copy|solid-js/(dist|web/dist)/`,
  ].join("|"),
);

export default defineConfig({
  // Absolute, so `vite build` works from the repository root and from client/ alike.
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [
    zodMiniOwnCopy(),
    solid(),
    VitePWA({
      strategies: "generateSW",
      registerType: "autoUpdate",
      // main.tsx registers through virtual:pwa-register, so no extra registration script.
      injectRegister: false,
      includeAssets: ["icon.svg", "apple-touch-icon.png"],
      manifest: {
        name: "Inbox",
        short_name: "Inbox",
        description: "Answer customers on every channel from one screen, even on a flaky connection.",
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        start_url: "/",
        scope: "/",
        display: "standalone",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        ],
      },
      workbox: {
        // The app shell works offline: every navigation inside the app gets index.html.
        navigateFallback: "/index.html",
        navigateFallbackDenylist: SERVER_PATHS,
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        cleanupOutdatedCaches: true,
        // The worker takes charge of the page that installed it, not only of the next one: the
        // inbox loads its open chat, customer panel, live layer and other parts on use (issue
        // 17), so in the very first session they too must come from the precache once offline.
        clientsClaim: true,
        // Web Push (issue 16): the push and notification-click handlers, a plain script in public/.
        importScripts: ["/push-sw.js"],
      },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The small modules the inbox's first screen shares with parts loaded later (issue
              // 17). Left alone, the bundler gives each set of sharers its own chunk: some twenty
              // files of a few hundred bytes, ~4 KB of gzip lost to splitting. Every module named
              // here is needed before the first conversation row anyway; a module needed later
              // must not be added (it would join the first load).
              name: "first-load",
              includeDependenciesRecursively: false,
              test: FIRST_LOAD_SHARED,
            },
          ],
        },
      },
      treeshake: {
        // A schema built with `z.…()` and never used is dropped: shared modules define many, and
        // the first load must not carry classic zod for schemas only later screens parse with
        // (issue 17). No code here calls `z.…()` for a side effect (no z.config, no registry).
        manualPureFunctions: ["z"],
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: SERVER, ws: true, changeOrigin: false },
      "/sync": { target: SERVER, ws: true, changeOrigin: false },
      "/media": { target: SERVER, changeOrigin: false },
      "/webhooks": { target: SERVER, changeOrigin: false },
      "/simulator": { target: SERVER, changeOrigin: false },
    },
  },
});
