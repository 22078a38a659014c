import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNodeServer } from "../node/server.ts";
import { parsePlatformApiUrls } from "../config.ts";
import { widgetLimitsFromEnv } from "../widget/index.ts";
import { admissionLimitsFrom } from "../http/admission.ts";
import { TEST_PASSWORD_PARAMS } from "./test-server.ts";

// A real server in its own process, for tests that kill it (crash recovery) and for the bench
// (so the load generator does not share its event loop). Prints one JSON line when listening.
// INBOX_DIR reuses a database folder (a restart); SEED_PASSWORD seeds an empty one; WIDGET_LIMITS
// sets the widget API's limits (the bench's hundreds of visitors from one address need none);
// PLATFORM_API_URLS points connectors at platform fakes in the caller's process. TRACE_ROOM names a
// room whose writes are timed (the bench's "from the commit"): see traceRoomWrites below.
// METRICS_MS prints the heap and the loaded rooms as a JSON line that often (the load test's
// view from inside; CPU and RSS it reads from outside, as for any process).
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
  // OVERLOAD_* as for `npm start`, except the event loop's lag, which only counts when set (the
  // load test sets it; tests and benches on a loaded box would otherwise see 503s about the box).
  admission: admissionLimitsFrom({ OVERLOAD_EVENT_LOOP_LAG_MS: String(Number.MAX_SAFE_INTEGER), ...process.env }),
  platformApiUrls: parsePlatformApiUrls(process.env.PLATFORM_API_URLS),
  simulator: true,
  opsToken: process.env.OPS_TOKEN,
  passwordParams: TEST_PASSWORD_PARAMS,
});
console.log(
  JSON.stringify({
    url: server.url,
    dir,
    pid: process.pid,
    inboxId: server.seed?.inboxIds.site ?? server.seed?.inboxIds["Website chat"],
    teamId: server.seed?.teamIds.support,
  }),
);
if (process.env.TRACE_ROOM) traceRoomWrites(process.env.TRACE_ROOM);
if (process.env.METRICS_MS) {
  setInterval(() => {
    const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
    console.log(JSON.stringify({ metrics: { at: Date.now(), heapUsed, heapTotal, external, arrayBuffers, rss, rooms: server.core.rooms.loadedNames().length } }));
  }, Number(process.env.METRICS_MS)).unref();
}
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));

/**
 * When each write into `name` began, by the keys it changed, on the clock every process on this
 * machine shares (performance.timeOrigin + now()). The server writes a change's outcome into the
 * rooms as soon as its commit resolves, so for the bench this is "the event's commit". Written
 * to the file named in TRACE_FILE on SIGUSR2 as [key, epoch ms][].
 */
function traceRoomWrites(name: string): void {
  const writes: [string, number][] = [];
  let began = 0;
  const attach = () => {
    const room = server.core.rooms.get(name);
    if (!room) return void setTimeout(attach, 20).unref();
    room.doc.on("beforeTransaction", () => (began = performance.timeOrigin + performance.now()));
    room.doc.on("afterTransaction", (tr: { changed: Map<unknown, Set<string | null>> }) => {
      for (const keys of tr.changed.values()) for (const key of keys) if (key !== null) writes.push([key, began]);
    });
  };
  attach();
  process.on("SIGUSR2", () => writeFileSync(process.env.TRACE_FILE!, JSON.stringify(writes)));
}
