import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startChild } from "../src/testing/child-process.ts";
import { freePort } from "../src/testing/sqld.ts";
import { startEdgeDatabase, type EdgeDatabase } from "../test-workers/edge-database.ts";
import { BENCH_WIDGET_LIMITS, bareRelayLatency, customerToAgentLatency } from "./latency-bench.ts";
import { fmt, percentile } from "./stats.ts";
import { cpuByRole, cpuSince } from "./process-cpu.ts";
import { printProfile, profileIsolate } from "./cpu-profile.ts";
import { platformFloor, printFloor, printPhases, tracedMessages, TraceReader } from "./workers-breakdown.ts";

// Issue 6: the customer-message-to-agent latency of section (b), measured against the Workers
// build under `wrangler dev` (local workerd, the real Worker and its Durable Objects, libSQL a
// local sqld over HTTP) in the same run as the Node server and the bare relay, as ratios.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BENCH_PASSWORD = "bench-password"; // what customerToAgentLatency signs in with

export async function workersSection(opts: { quick: boolean }): Promise<void> {
  const messages = opts.quick ? 20 : 100;
  console.log("\n## (f) Customer message -> agent socket on the Workers build (issue 6)");
  console.log(`  wrangler dev (local workerd, Durable Objects; libSQL = local sqld over HTTP) vs the Node server on a libSQL file; ${messages} messages per row`);
  const database = await startEdgeDatabase(BENCH_PASSWORD);
  const traces = new TraceReader();
  const stops: (() => Promise<void>)[] = [database.stop];
  try {
    const inboxId = database.seed.inboxIds.site ?? database.seed.inboxIds["Website chat"];
    const teamId = database.seed.teamIds.support;
    if (!inboxId || !teamId) throw new Error("the seed has no web chat inbox or support team");
    const worker = await startWranglerDev({
      ...edgeVars(database),
      // Traces (only of requests that ask for one) and the platform's floor probes.
      BENCH_TRACE: "true",
    }, traces);
    stops.unshift(worker.stop);
    const node = await startChild<{ url: string; inboxId: string; teamId: string }>(new URL("../src/testing/server-process.ts", import.meta.url), { WIDGET_LIMITS: BENCH_WIDGET_LIMITS });
    stops.unshift(node.stop);
    const relay = await startChild<{ url: string }>(new URL("./bare-relay.ts", import.meta.url));
    stops.unshift(relay.stop);

    console.log("  agents  workers p50  workers p99  node p50  node p99  bare p99   workers/node p50  p99    workers/bare p99");
    const roles = roleOf(worker.port);
    const cpu = { edge: new Map<string, number>(), node: new Map<string, number>() };
    for (const agents of [1, 10]) {
      // Interleaved per row, so drift on the shared machine hits all three alike.
      const edge = await customerToAgentLatency(worker.url, inboxId, teamId, agents, messages, agents === 1 ? measureCpu(roles, cpu.edge) : undefined);
      const ours = await customerToAgentLatency(node.info.url, node.info.inboxId, node.info.teamId, agents, messages, agents === 1 ? measureCpu(roles, cpu.node) : undefined);
      const bare = await bareRelayLatency(relay.info.url, agents, messages);
      const [w50, w99, n50, n99, b99] = [percentile(edge, 50), percentile(edge, 99), percentile(ours, 50), percentile(ours, 99), percentile(bare, 99)];
      console.log(
        `  ${String(agents).padStart(6)}  ${ms(w50, 11)}  ${ms(w99, 11)}  ${ms(n50, 8)}  ${ms(n99, 8)}  ${ms(b99, 8)}   ${ratio(w50 / n50, 16)}  ${ratio(w99 / n99, 6)}  ${ratio(w99 / b99, 16)}`,
      );
    }
    const perMessage = (m: Map<string, number>, role: string) => `${fmt((m.get(role) ?? 0) / messages, 1)} ms`;
    console.log(`  CPU per message, 1 agent (process times, so the machine's other load does not count):`);
    console.log(`    Workers: the Worker's workerd ${perMessage(cpu.edge, "worker")}, wrangler's proxy workerd ${perMessage(cpu.edge, "proxy")}, wrangler ${perMessage(cpu.edge, "wrangler")}, sqld ${perMessage(cpu.edge, "sqld")}`);
    console.log(`    Node: the server ${perMessage(cpu.node, "node")}`);
    if (process.env.WORKERS_PROFILE) {
      // Where the Worker's isolate spends its CPU (the sampling profiler, over the DevTools protocol).
      const stop = await profileIsolate(worker.inspector);
      await customerToAgentLatency(worker.url, inboxId, teamId, 1, messages);
      printProfile(await stop(), messages + 10);
    }
    printFloor(await platformFloor(worker.url, teamId, messages));
    printPhases(await tracedMessages(worker.url, inboxId, teamId, messages, traces));
  } catch (err) {
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

/** Which part of the run a process of ours is (process-cpu.ts). */
export function roleOf(workerPort: number): (cmd: string) => string | null {
  return (cmd) => {
    if (cmd.includes("workerd serve")) return cmd.includes(`entry=127.0.0.1:${workerPort} `) ? "proxy" : "worker";
    if (cmd.includes("wrangler")) return "wrangler";
    if (cmd.includes("sqld")) return "sqld";
    if (cmd.includes("server-process.ts")) return "node";
    return null;
  };
}

/** Adds the CPU each role used while the messages were sampled into `into`. */
export function measureCpu(roles: (cmd: string) => string | null, into: Map<string, number>): { start(): void; end(): void } {
  let before = new Map<string, number>();
  return {
    start: () => void (before = cpuByRole(roles)),
    end: () => {
      for (const [role, ms] of cpuSince(before, cpuByRole(roles))) into.set(role, (into.get(role) ?? 0) + ms);
    },
  };
}

/** The settings a Worker under `wrangler dev` runs with on a bench's edge database. */
export function edgeVars(database: EdgeDatabase): Record<string, string> {
  return {
    DATABASE_URL: database.sqld.url,
    DATABASE_AUTH_TOKEN: database.sqld.authToken ?? "",
    INBOX_SECRET_KEY: database.secretKey,
    SECURE_COOKIES: "false",
    WIDGET_LIMITS: BENCH_WIDGET_LIMITS,
  };
}

const ms = (n: number, width: number) => `${fmt(n, 2)} ms`.padStart(width);
const ratio = (n: number, width: number) => `${fmt(n, 2)}x`.padStart(width);

/**
 * `wrangler dev` on a loopback port with a config written for the bench (and the load test): the real entry and
 * Durable Objects of wrangler.toml, minus static assets, the build step and the cron (the bench
 * needs neither the PWA nor a minute timer), with the secrets as plain vars. State lives in a
 * temporary directory that goes with it.
 */
export async function startWranglerDev(
  vars: Record<string, string>,
  traces?: TraceReader,
): Promise<{ url: string; port: number; inspector: number; /** wrangler's; workerd runs in its process group */ pid: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "inbox-wrangler-"));
  mkdirSync(join(dir, "state"));
  const config = join(dir, "wrangler.json");
  writeFileSync(
    config,
    JSON.stringify({
      name: "omnichannel-inbox-bench",
      main: join(ROOT, "sync-server/src/worker.ts"),
      compatibility_date: "2026-04-26",
      compatibility_flags: ["nodejs_compat"],
      durable_objects: {
        bindings: [
          { name: "ROOMS", class_name: "RoomObject" },
          { name: "VISITORS", class_name: "VisitorObject" },
          { name: "SCHEDULER", class_name: "SchedulerObject" },
        ],
      },
      migrations: [{ tag: "v1", new_sqlite_classes: ["RoomObject", "VisitorObject", "SchedulerObject"] }],
      r2_buckets: [{ binding: "MEDIA", bucket_name: "inbox-media" }],
      vars: { SESSION_TTL_HOURS: "12", ...vars },
    }),
  );
  const port = await freePort();
  // Kept known: bench/cpu-profile.ts profiles the Worker's isolate through it.
  const inspector = await freePort();
  const args = [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "dev", "--config", config, "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--persist-to", join(dir, "state"), "--show-interactive-dev-session=false", "--log-level", "log"];
  const child: ChildProcess = spawn(
    process.execPath,
    args,
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" }, detached: true },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // The Worker's console: the bench's trace lines (src/worker/bench-trace.ts) among its logs.
  child.stdout!.on("data", (chunk: Buffer) => traces?.feed(chunk.toString()));
  // wrangler starts workerd as its own child: the whole process group goes together.
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const reap = () => kill("SIGKILL");
  process.once("exit", reap);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    process.off("exit", reap);
    if (child.exitCode === null && child.signalCode === null) {
      kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev exited with ${child.exitCode}:\n${stderr}`);
    }
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { url, port, inspector, pid: child.pid!, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer /healthz within 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await workersSection({ quick: process.argv.includes("--quick") });
