import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNodeServer } from "../src/node/server.ts";

// The server under test, in its own process so the load generator does not share its event loop.
const dir = mkdtempSync(join(tmpdir(), "inbox-bench-"));
const server = await startNodeServer({
  databaseUrl: `file:${join(dir, "inbox.db")}`,
  port: 0,
  host: "127.0.0.1",
  sessionTtlMs: 3600_000,
  secureCookies: false,
  seedPassword: "bench-password",
});
console.log(JSON.stringify({ url: server.url, dir, inboxId: server.seed!.inboxIds.site, teamId: server.seed!.teamIds.support }));
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
