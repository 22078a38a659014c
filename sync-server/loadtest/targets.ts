import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PasswordHasher } from "../src/auth/password.ts";
import { parsePlatformApiUrls } from "../src/config.ts";
import { nodeScrypt } from "../src/node/node-scrypt.ts";
import { TEST_PASSWORD_PARAMS, startTestServer } from "../src/testing/test-server.ts";
import { startEdgeDatabase } from "../test-workers/edge-database.ts";
import { BENCH_WIDGET_LIMITS } from "../bench/latency-bench.ts";
import { DEFAULT_ADMISSION_LIMITS } from "../src/http/admission.ts";
import { edgeVars, startWranglerDev } from "../bench/workers-bench.ts";
import { AGENT_PASSWORD, writeFixture, type Fixture } from "./fixture.ts";
import type { Platforms } from "./platforms.ts";
import { processGroup } from "./proc.ts";

export interface HeapSample {
  at: number;
  heapUsed: number;
  rooms: number;
}

/** A server under load: where it answers, what it serves, and which processes are it. */
export interface Target {
  name: string;
  url: string;
  /** The operator's token the server was started with (its /healthz load figures), if any. */
  opsToken?: string;
  fixture: Fixture;
  /** The server's processes (their CPU and memory are the server's). */
  pids(): number[];
  /** The Node server's heap and loaded rooms from inside, newest last (none on Workers). */
  heap: HeapSample[];
  /** Lines the server wrote to stderr during the run. */
  logLines(): string[];
  stop(): Promise<void>;
}

export interface Floor {
  agents: number;
  teamSize: number;
  capacity: number;
}

const MetricsSchema = z.object({ metrics: z.object({ at: z.number(), heapUsed: z.number(), rooms: z.number() }) });

/**
 * The Node build as `npm start` runs it, one process on a libSQL file: the demo seed and the
 * load's floor are written first (by a server in this process, stopped before), then the server
 * process starts on that folder with the platforms' fakes as its APIs and the widget's per-address
 * limits lifted (every visitor here comes from 127.0.0.1). LOADTEST_KEEP=1 keeps its folder
 * (database, server.log) for a look afterwards.
 */
export async function startNodeTarget(floor: Floor, platforms: Platforms): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), "inbox-load-"));
  const builder = await startTestServer({ dir, platformApiUrls: parsePlatformApiUrls(platforms.apiUrls) });
  let fixture: Fixture;
  try {
    const passwordHash = await builder.core.passwords.hash(AGENT_PASSWORD);
    fixture = await writeFixture(builder.core.db, builder.core.secrets, { ...floor, workspaceId: builder.seed!.workspaceId!, passwordHash, credentials: platforms.credentials });
  } finally {
    await builder.stop();
  }
  const opsToken = randomBytes(24).toString("hex");
  const log = join(dir, "server.log");
  const logStream = createWriteStream(log);
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../src/testing/server-process.ts", import.meta.url))], {
    stdio: ["ignore", "pipe", "pipe"],
    // Admission control as in production (OVERLOAD_* in the environment override it).
    env: {
      OVERLOAD_EVENT_LOOP_LAG_MS: String(DEFAULT_ADMISSION_LIMITS.eventLoopLagMs),
      ...process.env,
      INBOX_DIR: dir,
      PLATFORM_API_URLS: platforms.apiUrls,
      WIDGET_LIMITS: BENCH_WIDGET_LIMITS,
      METRICS_MS: "1000",
      OPS_TOKEN: opsToken,
    },
  });
  child.stderr!.pipe(logStream);
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const heap: HeapSample[] = [];
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      const metrics = MetricsSchema.safeParse(JSON.parse(line));
      if (metrics.success) heap.push(metrics.data.metrics);
      else resolve(z.object({ url: z.string() }).parse(JSON.parse(line)).url);
    });
    void exited.then(() => reject(new Error(`the server exited:\n${readFileSync(log, "utf8")}`)));
  });
  return {
    name: "Node (one process, libSQL file)",
    url,
    opsToken,
    fixture,
    pids: () => [child.pid!],
    heap,
    logLines: () => readFileSync(log, "utf8").split("\n").filter(Boolean),
    async stop() {
      process.off("exit", reap);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      logStream.end();
      if (process.env.LOADTEST_KEEP) console.log(`  kept the server's folder: ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The Workers build under `wrangler dev` (local workerd with the real Worker and its Durable
 * Objects) on a libSQL server (sqld, over HTTP, as Turso would be), the same floor written into
 * it. The server's processes are workerd and wrangler, and sqld (the database, which the Node
 * build has inside its own process).
 */
export async function startWorkersTarget(floor: Floor, platforms: Platforms): Promise<Target> {
  const database = await startEdgeDatabase("load-demo-password-1");
  try {
    const passwordHash = await new PasswordHasher(nodeScrypt, TEST_PASSWORD_PARAMS).hash(AGENT_PASSWORD);
    const fixture = await writeFixture(database.db, database.secrets, { ...floor, workspaceId: database.seed.workspaceId!, passwordHash, credentials: platforms.credentials });
    const worker = await startWranglerDev({ ...edgeVars(database), PLATFORM_API_URLS: platforms.apiUrls });
    return {
      name: "Workers (wrangler dev: workerd + Durable Objects; libSQL = sqld over HTTP)",
      url: worker.url,
      fixture,
      pids: () => [...processGroup(worker.pid), database.sqld.pid],
      heap: [],
      logLines: () => [],
      async stop() {
        await worker.stop();
        await database.stop();
      },
    };
  } catch (err) {
    await database.stop();
    throw err;
  }
}
