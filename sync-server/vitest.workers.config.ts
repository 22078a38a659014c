import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";

// Offline machines: no request.cf lookup and no telemetry from wrangler/miniflare.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
process.env.WRANGLER_SEND_METRICS ??= "false";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The Workers build's tests, run inside workerd by @cloudflare/vitest-pool-workers against
 * sync-server/src/worker.ts, its Durable Objects and R2 (miniflare's local ones), with a real
 * libSQL server and the Telegram fake started by the Node-side global setup.
 */
export default defineProject({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: here("./src/worker.ts"),
      miniflare: {
        compatibilityDate: "2026-04-26",
        compatibilityFlags: ["nodejs_compat"],
        durableObjects: { ROOMS: "RoomObject", VISITORS: "VisitorObject", SCHEDULER: "SchedulerObject", SIMULATOR: "SimulatorObject" },
        r2Buckets: ["MEDIA"],
        // Stands in for `[assets]` (the built PWA): the Worker serves it through this binding.
        serviceBindings: {
          ASSETS: {
            node: (req: IncomingMessage, res: ServerResponse) => {
              res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
              res.end(`<!doctype html><title>Inbox</title><p>PWA shell for ${req.url}</p>`);
            },
          },
        },
        bindings: {
          DATABASE_URL: inject("databaseUrl"),
          DATABASE_AUTH_TOKEN: inject("databaseAuthToken"),
          INBOX_SECRET_KEY: inject("secretKey"),
          SECURE_COOKIES: "false",
          ENABLE_SIMULATOR: "true",
          TELEGRAM_API: inject("telegramApi"),
          // The operator's way to point a platform elsewhere (never a workspace setting).
          PLATFORM_API_URLS: `telegram=${inject("telegramApi")}`,
          TELEGRAM_INBOX_ID: inject("telegramInboxId"),
          TELEGRAM_SECRET_TOKEN: inject("telegramSecretToken"),
          DEMO_PASSWORD: inject("demoPassword"),
          // The operator's token for /healthz's load figures, as an operator sets the secret.
          OPS_TOKEN: "operator-token-for-the-workers-tests-0123456789",
          // Sockets' access is checked again this often (5 s in production), so tests wait little.
          SOCKET_RECHECK_MS: "200",
          // Web Push to the stand-in on loopback (tests only).
          PUSH_ALLOW_LOOPBACK: "true",
          PUSH_SERVICE: inject("pushService"),
          PUSH_DEVICE: inject("pushDevice"),
          // Email through the SMTP stand-in on loopback, configured as an operator would.
          SMTP_URL: inject("smtpUrl"),
          MAIL_FROM: "Acme Support <no-reply@acme.example>",
          SMTP_BAD_PASSWORD_URL: inject("smtpBadPasswordUrl"),
          SMTP_MAILBOX: inject("smtpMailbox"),
        },
      },
    })),
  ],
  test: {
    name: "workers",
    root: here("."),
    include: ["test-workers/**/*.test.ts"],
    globalSetup: [here("./test-workers/global-setup.ts")],
    // A safety net, not a target: on a busy 2-core CI box each workerd round trip to sqld slows several-fold.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
