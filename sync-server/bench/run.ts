import { startChild } from "../src/testing/child-process.ts";
import { ingestThroughHttp, ingestThroughWebSocket, rawInserts } from "./ingest-bench.ts";
import { bareRelayLatency, customerToAgentLatency } from "./latency-bench.ts";
import { BENCH_WIDGET_LIMITS } from "./latency-bench.ts";
import { fmt, percentile } from "./stats.ts";

// `npm run bench`: every figure is printed next to a baseline measured in this same run, as a
// ratio, because the machine is shared and absolute numbers drift from run to run.

const QUICK = process.argv.includes("--quick");
/** `--only=reports` runs one section (its file's name without "-bench"), for working on it. */
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const VISITORS = QUICK ? 20 : 100;
const PER_VISITOR = QUICK ? 10 : 40;
const LATENCY_MESSAGES = QUICK ? 20 : 100;

interface ServerInfo {
  url: string;
  inboxId: string;
  teamId: string;
}

console.log("# Inbox benchmarks (ratios against baselines measured in this run)\n");
if (ONLY) {
  const sections: Record<string, () => Promise<void>> = {
    reports: async () => (await import("./reports-bench.ts")).reportsSection({ quick: QUICK }),
    supervision: async () => (await import("./supervision-bench.ts")).supervisionSection({ quick: QUICK }),
    insights: async () => (await import("./insights-bench.ts")).insightsSection({ quick: QUICK }),
    workers: async () => (await import("./workers-bench.ts")).workersSection({ quick: QUICK }),
    "offline-pwa": async () => (await import("./offline-pwa-bench.ts")).offlinePwaSection({ quick: QUICK }),
  };
  if (!sections[ONLY]) throw new Error(`--only takes one of ${Object.keys(sections).join(", ")}`);
  await sections[ONLY]();
  process.exit(0);
}

const server = await startChild<ServerInfo>(new URL("../src/testing/server-process.ts", import.meta.url), { WIDGET_LIMITS: BENCH_WIDGET_LIMITS });
const relay = await startChild<{ url: string }>(new URL("./bare-relay.ts", import.meta.url));
try {
  const total = VISITORS * PER_VISITOR;
  const raw1 = await rawInserts(total, 1);
  const raw100 = await rawInserts(total, 100);
  const http = await ingestThroughHttp(server.info.url, server.info.inboxId, VISITORS, PER_VISITOR);
  const socket = await ingestThroughWebSocket(server.info.url, server.info.inboxId, VISITORS, PER_VISITOR);
  console.log("## (a) Web-chat ingest into libSQL (each message: message row + event row + conversation update)");
  console.log(`  ${total} messages from ${VISITORS} concurrent visitors, each waiting for its previous message's answer`);
  console.log(`  raw libSQL, one commit per message row:  ${fmt(raw1, 0)} rows/s (baseline)`);
  console.log(`  raw libSQL, 100 rows per commit:         ${fmt(raw100, 0)} rows/s`);
  console.log(`  ingest via widget socket (fast path):    ${fmt(socket, 0)} msg/s  ratio ${fmt(socket / raw1, 2)} of raw single-row (target >= 0.30)`);
  console.log(`  ingest via widget HTTP POST (fallback):  ${fmt(http, 0)} msg/s  ratio ${fmt(http / raw1, 2)} of raw single-row\n`);

  console.log("## (b) Customer message -> connected agent socket latency");
  console.log("  agents  ours p50   ours p99   bare p50   bare p99   p99 ratio  (target: ours p99 < 50 ms at 100 agents)");
  for (const agents of [1, 10, 100]) {
    const ours = await customerToAgentLatency(server.info.url, server.info.inboxId, server.info.teamId, agents, LATENCY_MESSAGES);
    const bare = await bareRelayLatency(relay.info.url, agents, LATENCY_MESSAGES);
    const [o50, o99, b50, b99] = [percentile(ours, 50), percentile(ours, 99), percentile(bare, 50), percentile(bare, 99)];
    console.log(
      `  ${String(agents).padStart(6)}  ${fmt(o50, 2).padStart(6)} ms  ${fmt(o99, 2).padStart(6)} ms  ${fmt(b50, 2).padStart(6)} ms  ${fmt(b99, 2).padStart(6)} ms  ${fmt(o99 / b99, 2).padStart(6)}x`,
    );
  }
} finally {
  await server.stop();
  await relay.stop();
}
await (await import("./offline-pwa-bench.ts")).offlinePwaSection({ quick: QUICK });
await (await import("./routing-bench.ts")).routingSection({ quick: QUICK });
await (await import("./list-bench.ts")).listSection({ quick: QUICK });
await (await import("./workers-bench.ts")).workersSection({ quick: QUICK });
await (await import("./webhook-flood-bench.ts")).webhookFloodSection({ quick: QUICK });
await (await import("./supervision-bench.ts")).supervisionSection({ quick: QUICK });
await (await import("./reports-bench.ts")).reportsSection({ quick: QUICK });
await (await import("./insights-bench.ts")).insightsSection({ quick: QUICK });
