import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNodeServer } from "../node/server.ts";
import { parsePlatformApiUrls } from "../config.ts";
import { widgetLimitsFromEnv } from "../widget/index.ts";
import { TEST_PASSWORD_PARAMS } from "./test-server.ts";

// A real server in its own process, for tests that kill it (crash recovery) and for the bench
// (so the load generator does not share its event loop). Prints one JSON line when listening.
// INBOX_DIR reuses a database folder (a restart); SEED_PASSWORD seeds an empty one; WIDGET_LIMITS
// sets the widget API's limits (the bench's hundreds of visitors from one address need none);
// PLATFORM_API_URLS points connectors at platform fakes in the caller's process.
const dir = process.env.INBOX_DIR || mkdtempSync(join(tmpdir(), "inbox-proc-"));
const server = await startNodeServer({
  dataDir: dir,
  databaseUrl: `file:${join(dir, "inbox.db")}`,
  port: Number(process.env.PORT ?? 0),
  host: "127.0.0.1",
  sessionTtlMs: 3600_000,
  secureCookies: false,
  seedPassword: process.env.SEED_PASSWORD ?? "bench-password",
  widgetLimits: widgetLimitsFromEnv(process.env.WIDGET_LIMITS),
  platformApiUrls: parsePlatformApiUrls(process.env.PLATFORM_API_URLS),
  simulator: true,
  passwordParams: TEST_PASSWORD_PARAMS,
});
console.log(
  JSON.stringify({
    url: server.url,
    dir,
    inboxId: server.seed?.inboxIds.site ?? server.seed?.inboxIds["Website chat"],
    teamId: server.seed?.teamIds.support,
  }),
);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
