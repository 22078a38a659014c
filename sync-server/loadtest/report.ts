import type { LatencySummary } from "./histogram.ts";

/** Delivery target of issue 17: customer message → agent socket p99 under this, ms. */
export const DELIVERY_TARGET_P99_MS = 50;

/** One run's figures (one number of agents against one server build). */
export interface RunResult {
  target: string;
  agents: number;
  teams: number;
  customers: number;
  /** Measured seconds (the opening of every chat is before them). */
  seconds: number;
  connected: number;
  connectSeconds: number;
  /** Customer messages accepted per second over the measured window, and what was asked. */
  customerRate: { asked: number; achieved: number };
  /** Agents' replies per second over the measured window (each a message out through the outbox). */
  replyRate: number;
  resolves: number;
  delivery: LatencySummary;
  /** The bare Yjs relay's p99 at the same fan-out (a team's agents), measured in the same run. */
  bareP99: number;
  webhookAck: LatencySummary;
  webhookAckByChannel: Record<string, LatencySummary>;
  widgetAck: LatencySummary;
  replyToCustomer: LatencySummary;
  commands: LatencySummary;
  /** (agent, message) pairs that should have arrived, and those that did. */
  deliveries: { expected: number; received: number; messagesNobodySaw: number };
  errors: Record<string, number>;
  /**
   * Admission control (issue 17): 503s answered in the measured window by channel (webchat: the
   * widget's "overloaded" frames), each redelivered after its Retry-After; every webhook POST →
   * its answer (200 or 503); the server's own figures from /healthz at the end (null: none).
   */
  overload: {
    refused: Record<string, number>;
    webhookAnswer: LatencySummary;
    server: { webhookBacklog: number; writeQueue: number; limits: { webhookBacklog: number; writeQueue: number; retryAfterSeconds: number }; refusedWebhooks: number; refusedWidgetMessages: number; keptWhileOverloaded: number } | null;
  };
  server: {
    /** Mean cores busy over the measured window, and the busiest second. */
    cpuCores: number;
    cpuPeakCores: number;
    /** Cores busy with every agent connected and nobody writing (10 s before the customers start). */
    idleAgentsCores: number;
    /** Server CPU ms per message handled (customer messages + replies). */
    cpuMsPerMessage: number;
    /** Share of the measured time the server's main thread waited for a CPU others held (shared machine). */
    runQueueShare: number;
    rssIdleMb: number;
    rssAgentsMb: number;
    rssEndMb: number;
    /** (RSS with every agent connected − idle) / agents. */
    perAgentMb: number;
    /** (RSS once every customer's chat opened − with agents only) / chats: the record's caches, rooms, routing state per conversation. */
    perConversationMb: number;
    /**
     * Least-squares slopes after the first fifth of the measured window, MB per minute: RSS, and
     * the heap's floor (its lowest point per 20 s, what garbage collection leaves live).
     */
    rssSlopeMbMin: number;
    heapSlopeMbMin: number;
    heapStartMb: number;
    heapEndMb: number;
    rooms: number;
    logLines: number;
  };
  /** Cores the load processes used (agents, customers, platform fakes), same window. */
  generatorCores: number;
  /** The worst agent process's event-loop delay p99: how late its arrivals may be stamped. */
  agentLoopDelayP99Ms: number;
  /** The server's RSS and heap over the measured window (seconds since its start, MB), for the JSON. */
  series?: { rss: [number, number][]; heap: [number, number][] };
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–");
const pad = (s: string, w: number) => s.padStart(w);

export function withinTarget(r: RunResult): boolean {
  const lost = r.deliveries.expected - r.deliveries.received;
  return r.delivery.p99 <= DELIVERY_TARGET_P99_MS && lost <= r.deliveries.expected * 0.001 && r.customerRate.achieved >= r.customerRate.asked * 0.95;
}

/** The summary table, one row per run, then each run's details. */
export function formatReport(results: readonly RunResult[]): string {
  const out: string[] = [];
  out.push("| agents | msg/s in | msg/s out | delivery p50 | p99 | vs bare p99 | webhook ack p99 | 503s | errors | server CPU (cores) | RSS MB idle→agents→end | MB/agent | RSS slope | heap floor slope | verdict |");
  out.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
    const refused = Object.values(r.overload.refused).reduce((a, b) => a + b, 0);
    out.push(
      `| ${r.agents} | ${f(r.customerRate.achieved)} | ${f(r.replyRate)} | ${f(r.delivery.p50)} ms | ${f(r.delivery.p99)} ms | ${f(r.delivery.p99 / r.bareP99)}x | ${f(r.webhookAck.p99)} ms | ${refused} | ${errors} | ${f(r.server.cpuCores, 2)} (peak ${f(r.server.cpuPeakCores, 2)}) | ${f(r.server.rssIdleMb, 0)}→${f(r.server.rssAgentsMb, 0)}→${f(r.server.rssEndMb, 0)} | ${f(r.server.perAgentMb, 2)} | ${f(r.server.rssSlopeMbMin)} MB/min | ${f(r.server.heapSlopeMbMin)} MB/min | ${withinTarget(r) ? "within target" : "over target"} |`,
    );
  }
  for (const r of results) {
    out.push("");
    out.push(`### ${r.agents} agents on ${r.target}`);
    out.push(`- ${r.teams} teams, ${r.customers} customers, ${f(r.seconds, 0)} s measured; ${r.connected}/${r.agents} agents connected in ${f(r.connectSeconds)} s`);
    out.push(`- customer messages: ${f(r.customerRate.achieved)}/s (asked ${f(r.customerRate.asked)}/s); agents' replies ${f(r.replyRate)}/s; ${r.resolves} chats resolved`);
    out.push(`- customer → agent list room: p50 ${f(r.delivery.p50)} ms, p99 ${f(r.delivery.p99)} ms, max ${f(r.delivery.max)} ms over ${r.delivery.count} (agent, message) pairs; bare relay p99 ${f(r.bareP99, 2)} ms at the same fan-out`);
    out.push(`- deliveries: ${r.deliveries.received} of ${r.deliveries.expected} expected; messages no agent saw: ${r.deliveries.messagesNobodySaw}`);
    out.push(`- webhook ack p99 ${f(r.webhookAck.p99)} ms (${Object.entries(r.webhookAckByChannel).map(([c, s]) => `${c} ${f(s.p99)}`).join(", ")}); widget ack p99 ${f(r.widgetAck.p99)} ms`);
    const refusedBy = Object.entries(r.overload.refused);
    const admission = r.overload.server;
    out.push(
      `- overload: ${refusedBy.length ? refusedBy.map(([c, n]) => `${c} ${n}`).join(", ") : "no"} 503s (redelivered after Retry-After; the ack above counts from the first try); every webhook answered (200 or 503) p99 ${f(r.overload.webhookAnswer.p99)} ms` +
        (admission
          ? `; the server at the end: ${admission.webhookBacklog} webhooks waiting (limit ${admission.limits.webhookBacklog}), ${admission.writeQueue} writes queued (limit ${admission.limits.writeQueue}); since its start ${admission.refusedWebhooks} webhooks and ${admission.refusedWidgetMessages} widget messages refused, ${admission.keptWhileOverloaded} WeChat/LINE webhooks stored while overloaded`
          : ""),
    );
    out.push(`- agent reply → customer (platform API or widget socket) p50 ${f(r.replyToCustomer.p50)} ms, p99 ${f(r.replyToCustomer.p99)} ms; /api/commands p99 ${f(r.commands.p99)} ms`);
    out.push(`- server: CPU ${f(r.server.cpuCores, 2)} cores (peak ${f(r.server.cpuPeakCores, 2)}), ${f(r.server.cpuMsPerMessage, 2)} ms CPU per message (${f(r.server.idleAgentsCores, 2)} cores with the agents connected and nobody writing); waited for a CPU ${f(r.server.runQueueShare * 100, 0)} % of the time; heap ${f(r.server.heapStartMb, 0)}→${f(r.server.heapEndMb, 0)} MB; ${f(r.server.perConversationMb * 1024, 0)} KB RSS per open chat; ${r.server.rooms} rooms loaded; ${r.server.logLines} log lines`);
    out.push(`- load generator: ${f(r.generatorCores, 2)} cores; agent processes' event-loop delay p99 ${f(r.agentLoopDelayP99Ms)} ms`);
    const errs = Object.entries(r.errors);
    out.push(`- errors: ${errs.length ? errs.map(([k, v]) => `${k} ×${v}`).join("; ") : "none"}`);
  }
  return out.join("\n");
}
