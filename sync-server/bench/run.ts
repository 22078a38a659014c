export {}; // a module: top-level await below

// `npm run bench`: every figure is printed next to a baseline measured in this same run, as a
// ratio, because the machine is shared and absolute numbers drift from run to run.

export {}; // a module, for the top-level awaits below

const QUICK = process.argv.includes("--quick");
/** `--only=reports` runs one section (its file's name without "-bench"), for working on it. */
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);

console.log("# Inbox benchmarks (ratios against baselines measured in this run)\n");
if (ONLY) {
  const sections: Record<string, () => Promise<void>> = {
    ingest: async () => (await import("./ingest-bench.ts")).ingestSection({ quick: QUICK }),
    reports: async () => (await import("./reports-bench.ts")).reportsSection({ quick: QUICK }),
    supervision: async () => (await import("./supervision-bench.ts")).supervisionSection({ quick: QUICK }),
    insights: async () => (await import("./insights-bench.ts")).insightsSection({ quick: QUICK }),
    workers: async () => (await import("./workers-bench.ts")).workersSection({ quick: QUICK }),
    routing: async () => (await import("./routing-bench.ts")).routingSection({ quick: QUICK }),
    latency: async () => (await import("./latency-bench.ts")).latencySection({ quick: QUICK }),
    "webhook-flood": async () => (await import("./webhook-flood-bench.ts")).webhookFloodSection({ quick: QUICK }),
    "webhook-overload": async () => (await import("./webhook-flood-bench.ts")).webhookOverloadSection({ quick: QUICK }),
    list: async () => (await import("./list-bench.ts")).listSection({ quick: QUICK }),
    "offline-pwa": async () => (await import("./offline-pwa-bench.ts")).offlinePwaSection({ quick: QUICK }),
  };
  if (!sections[ONLY]) throw new Error(`--only takes one of ${Object.keys(sections).join(", ")}`);
  await sections[ONLY]();
  process.exit(0);
}

await (await import("./ingest-bench.ts")).ingestSection({ quick: QUICK });

await (await import("./latency-bench.ts")).latencySection({ quick: QUICK });
await (await import("./offline-pwa-bench.ts")).offlinePwaSection({ quick: QUICK });
await (await import("./routing-bench.ts")).routingSection({ quick: QUICK });
await (await import("./list-bench.ts")).listSection({ quick: QUICK });
await (await import("./workers-bench.ts")).workersSection({ quick: QUICK });
await (await import("./webhook-flood-bench.ts")).webhookFloodSection({ quick: QUICK });
await (await import("./webhook-flood-bench.ts")).webhookOverloadSection({ quick: QUICK });
await (await import("./supervision-bench.ts")).supervisionSection({ quick: QUICK });
await (await import("./reports-bench.ts")).reportsSection({ quick: QUICK });
await (await import("./insights-bench.ts")).insightsSection({ quick: QUICK });

export {};
