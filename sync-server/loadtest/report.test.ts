import { describe, expect, it } from "vitest";
import { formatReport, withinTarget, type RunResult } from "./report.ts";

const latency = (p50: number, p99: number) => ({ count: 1000, p50, p99, max: p99 * 2 });

function run(over: Partial<RunResult> = {}): RunResult {
  return {
    target: "Node (one process, libSQL file)",
    agents: 500,
    teams: 10,
    customers: 1500,
    seconds: 120,
    connected: 500,
    connectSeconds: 6.2,
    customerRate: { asked: 50, achieved: 49.6 },
    replyRate: 41.2,
    resolves: 900,
    delivery: latency(12.4, 38.9),
    bareP99: 4.1,
    webhookAck: latency(3, 9.5),
    webhookAckByChannel: { whatsapp: latency(3, 9.1), line: latency(3, 9.9) },
    widgetAck: latency(4, 11),
    replyToCustomer: latency(40, 120),
    commands: latency(8, 30),
    deliveries: { expected: 20_000, received: 20_000, messagesNobodySaw: 0 },
    errors: {},
    overload: { refused: {}, webhookAnswer: latency(2, 8), server: null },
    server: { cpuCores: 0.62, cpuPeakCores: 0.9, cpuMsPerMessage: 8.2, idleAgentsCores: 0.05, runQueueShare: 0.05, rssIdleMb: 180, rssAgentsMb: 240, rssEndMb: 260, perAgentMb: 0.12, perConversationMb: 0.02, rssSlopeMbMin: 0.4, heapSlopeMbMin: -0.1, heapStartMb: 90, heapEndMb: 92, rooms: 1600, logLines: 0 },
    generatorCores: 0.4,
    agentLoopDelayP99Ms: 12,
    ...over,
  };
}

describe("the load test's report", () => {
  it("puts each run's figures in one row of the summary table", () => {
    const text = formatReport([run(), run({ agents: 1000 })]);
    const rows = text.split("\n").filter((l) => /^\| \d/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("| 500 | 49.6 | 41.2 | 12.4 ms | 38.9 ms | 9.5x | 9.5 ms | 0 | 0 | 0.62 (peak 0.90) | 180→240→260 | 0.12 | 0.4 MB/min | -0.1 MB/min | within target |");
    expect(text).toContain("### 1000 agents on Node (one process, libSQL file)");
    expect(text).toContain("errors: none");
  });

  it("is over target when p99 passes 50 ms, deliveries go missing, or customers' messages were not taken at the asked rate", () => {
    expect(withinTarget(run())).toBe(true);
    expect(withinTarget(run({ delivery: latency(20, 51) }))).toBe(false);
    expect(withinTarget(run({ deliveries: { expected: 20_000, received: 19_900, messagesNobodySaw: 3 } }))).toBe(false);
    expect(withinTarget(run({ customerRate: { asked: 50, achieved: 30 } }))).toBe(false);
  });

  it("names each kind of error with its count", () => {
    const text = formatReport([run({ errors: { "agents: socket closed 1006": 2, "customers: whatsapp webhook 500": 1 } })]);
    expect(text).toContain("errors: agents: socket closed 1006 ×2; customers: whatsapp webhook 500 ×1");
    expect(text).toMatch(/\| 3 \| 0\.62/);
  });

  it("counts the 503s of an overloaded server by channel, with how fast every webhook was answered", () => {
    const server = { webhookBacklog: 2400, writeQueue: 12, limits: { webhookBacklog: 2000, writeQueue: 1000, retryAfterSeconds: 10 }, refusedWebhooks: 180, refusedWidgetMessages: 7, keptWhileOverloaded: 31 };
    const text = formatReport([run({ overload: { refused: { whatsapp: 120, telegram: 60, webchat: 7 }, webhookAnswer: latency(3, 41), server } })]);
    expect(text).toMatch(/\| 9\.5 ms \| 187 \| 0 \|/);
    expect(text).toContain("overload: whatsapp 120, telegram 60, webchat 7 503s");
    expect(text).toContain("every webhook answered (200 or 503) p99 41.0 ms");
    expect(text).toContain("2400 webhooks waiting (limit 2000)");
  });
});
