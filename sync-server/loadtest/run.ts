import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { startChild } from "../src/testing/child-process.ts";
import { bareRelayLatency } from "../bench/latency-bench.ts";
import { percentile } from "../bench/stats.ts";
import { encode, merged, newHistogram, recordMs, summarise } from "./histogram.ts";
import { FromAgentsSchema, FromCustomersSchema, startLoadProcess, type FromAgents, type FromCustomers, type LoadProcess, type ToAgents, type ToCustomers } from "./ipc.ts";
import { epochNow } from "./marker.ts";
import { z } from "zod";
import { parseOptions, type LoadOptions } from "./options.ts";
import { startPlatforms } from "./platforms.ts";
import { usageOf, type Usage } from "./proc.ts";
import { formatReport, type RunResult } from "./report.ts";
import { startNodeTarget, startWorkersTarget, type Target } from "./targets.ts";
import { after, floorSlope, slope, type Point } from "./trend.ts";

// `npm run loadtest -- --agents=100,500,1000 --minutes=10`: how many agents one server serves.
// Loopback only and bounded in time: per number of agents, a fresh server and floor, agents
// connecting, every customer's chat opening (the warm-up), then the measured minutes of
// customers writing on every channel while agents answer, routing and SLA timers running.

const AdmissionFiguresSchema = z.object({
  webhookBacklog: z.number(),
  writeQueue: z.number(),
  limits: z.object({ webhookBacklog: z.number(), writeQueue: z.number(), retryAfterSeconds: z.number() }),
  refusedWebhooks: z.number(),
  refusedWidgetMessages: z.number(),
  keptWhileOverloaded: z.number(),
});

const opts = parseOptions(process.argv.slice(2));
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 10) / 10;

console.log(`# Load test: ${opts.target}, agents ${opts.agents.join(", ")}, ${opts.minutes} min measured each, ${opts.rate} customer messages per agent per minute, teams of ${opts.teamSize}`);
console.log(`  machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}\n`);
const results: RunResult[] = [];
for (const agents of opts.agents) {
  results.push(await runOnce(agents, opts));
  console.log(`\n${formatReport(results.slice(-1))}\n`);
}
console.log("## Summary\n");
console.log(formatReport(results));
if (opts.json) writeFileSync(opts.json, JSON.stringify({ options: opts, results }, null, 2));
process.exit(0);

async function runOnce(agents: number, o: LoadOptions): Promise<RunResult> {
  const teamSize = Math.min(o.teamSize, agents);
  const customers = agents * o.chatsPerAgent;
  const log = (s: string) => console.log(`  [${agents} agents] ${s}`);

  // The least a Yjs relay can do, at a team's fan-out, on a quiet machine: the baseline.
  const relay = await startChild<{ url: string }>(new URL("../bench/bare-relay.ts", import.meta.url));
  const bare = await bareRelayLatency(relay.info.url, teamSize, 200);
  await relay.stop();
  const bareP99 = percentile(bare, 99);
  log(`bare relay p99 at ${teamSize} sockets: ${bareP99.toFixed(2)} ms`);

  // Replies reach the platform fakes from the start; only those of the measured window count.
  const replies = newHistogram();
  let from = Number.POSITIVE_INFINITY;
  const platforms = await startPlatforms((ms, sentAt) => sentAt >= from && recordMs(replies, ms));
  const floor = { agents, teamSize, capacity: o.chatsPerAgent * 2 + 2 };
  const target: Target = o.target === "node" ? await startNodeTarget(floor, platforms) : await startWorkersTarget(floor, platforms);
  log(`server up at ${target.url} (${target.fixture.teams.length} teams)`);
  const samples: { t: number; usage: Usage }[] = [];
  const sampler = setInterval(() => void usageOf(target.pids()).then((usage) => samples.push({ t: epochNow() / 1000, usage })), 1000);
  const loaders: LoadProcess<unknown, unknown>[] = [];
  try {
    await sleep(3000);
    const rssIdle = (await usageOf(target.pids())).rss;
    const heapIdle = target.heap.at(-1)?.heapUsed ?? NaN;

    // Whole teams per load process: one of them keeps each team's list for all its agents.
    const workers = Math.min(o.workers, target.fixture.teams.length);
    const agentProcs = Array.from({ length: workers }, () => startLoadProcess<ToAgents, FromAgents>(new URL("./agent-worker.ts", import.meta.url), FromAgentsSchema));
    loaders.push(...(agentProcs as LoadProcess<unknown, unknown>[]));
    agentProcs.forEach((p, w) =>
      p.send({ type: "connect", url: target.url, password: target.fixture.password, agents: target.fixture.teams.filter((_, i) => i % workers === w).flatMap((t) => t.agents), perSecond: 100 / workers }),
    );
    const ready = await Promise.all(agentProcs.map((p) => p.next((m): m is Extract<FromAgents, { type: "ready" }> => m.type === "ready")));
    const connected = ready.reduce((a, r) => a + r.connected, 0);
    const byTeam = Object.assign({}, ...ready.map((r) => r.byTeam)) as Record<string, number>;
    const connectSeconds = Math.max(...ready.map((r) => r.connectMs)) / 1000;
    log(`${connected}/${agents} agents connected in ${connectSeconds.toFixed(1)} s`);
    // Agents connected, nobody writing: what the sockets alone cost (rechecks, presence, awareness renewals).
    const quietFrom = { at: epochNow(), usage: await usageOf(target.pids()) };
    await sleep(10_000);
    const quiet = await usageOf(target.pids());
    const rssAgents = quiet.rss;
    const idleAgentsCores = (quiet.cpuMs - quietFrom.usage.cpuMs) / (epochNow() - quietFrom.at);

    const customerProc = startLoadProcess<ToCustomers, FromCustomers>(new URL("./customer-worker.ts", import.meta.url), FromCustomersSchema);
    loaders.push(customerProc as LoadProcess<unknown, unknown>);
    const openRate = Math.min(150, Math.max(20, customers / 20));
    customerProc.send({ type: "open", plan: { url: target.url, fixture: target.fixture, credentials: platforms.credentials, customers }, perSecond: openRate });
    const opened = await customerProc.next((m): m is Extract<FromCustomers, { type: "opened" }> => m.type === "opened");
    log(`${opened.sent} chats opened${Object.keys(opened.errors).length ? ` (errors: ${JSON.stringify(opened.errors)})` : ""}; measuring ${o.minutes} min`);
    // Agents answer the opening's backlog (a few chats each, seconds per reply) before the clock starts.
    await sleep(15_000);
    const rssOpened = (await usageOf(target.pids())).rss;

    from = epochNow();
    const cpuMain = process.cpuUsage();
    const asked = (agents * o.rate) / 60;
    for (const p of agentProcs) p.send({ type: "measure", from });
    customerProc.send({ type: "run", from, ms: o.minutes * 60_000, perSecond: asked });
    await customerProc.next((m): m is Extract<FromCustomers, { type: "ran" }> => m.type === "ran");
    const end = epochNow();
    const usageEnd = await usageOf(target.pids());
    const mainCpu = process.cpuUsage(cpuMain);
    // Deliveries and replies still on their way count; nothing new is sent meanwhile.
    await sleep(3000);
    for (const p of agentProcs) p.send({ type: "finish" });
    customerProc.send({ type: "finish" });
    const agentResults = await Promise.all(agentProcs.map((p) => p.next((m): m is Extract<FromAgents, { type: "result" }> => m.type === "result")));
    const customerResult = await customerProc.next((m): m is Extract<FromCustomers, { type: "result" }> => m.type === "result");

    // The server's own view of overload (Node: its admission figures on /healthz).
    const admission = await fetch(`${target.url}/healthz`, target.opsToken ? { headers: { authorization: `Bearer ${target.opsToken}` } } : {})
      .then(async (res) => AdmissionFiguresSchema.safeParse(((await res.json()) as { load?: unknown }).load))
      .then((parsed) => (parsed.success ? parsed.data : null), () => null);
    const seconds = (end - from) / 1000;
    const window = samples.filter((s) => s.t * 1000 >= from && s.t * 1000 <= end);
    const first = window[0] ?? { t: from / 1000, usage: usageEnd };
    const cpuCores = (usageEnd.cpuMs - first.usage.cpuMs) / 1000 / (end / 1000 - first.t);
    let cpuPeakCores = 0;
    for (let i = 1; i < window.length; i++) cpuPeakCores = Math.max(cpuPeakCores, (window[i]!.usage.cpuMs - window[i - 1]!.usage.cpuMs) / 1000 / (window[i]!.t - window[i - 1]!.t));
    const warm = from / 1000 + seconds / 5;
    const rssPoints: Point[] = window.map((s) => ({ t: s.t, v: s.usage.rss / MB }));
    const heapPoints: Point[] = target.heap.filter((h) => h.at >= from && h.at <= end).map((h) => ({ t: h.at / 1000, v: h.heapUsed / MB }));
    const heapWindow = target.heap.filter((h) => h.at >= from && h.at <= end);

    // Each measured message should reach every connected agent of its team.
    const reached = new Map<number, number>();
    for (const r of agentResults) for (const [seq, n] of r.reached) reached.set(seq, (reached.get(seq) ?? 0) + n);
    let expected = 0;
    let received = 0;
    let nobody = 0;
    for (const [seq, team] of customerResult.sent) {
      expected += byTeam[target.fixture.teams[team]!.id] ?? 0;
      const n = reached.get(seq) ?? 0;
      received += n;
      if (n === 0) nobody++;
    }
    const errors: Record<string, number> = {};
    const add = (src: Record<string, number>, prefix: string) => {
      for (const [k, v] of Object.entries(src)) errors[`${prefix}${k}`] = (errors[`${prefix}${k}`] ?? 0) + v;
    };
    for (const r of agentResults) add(r.errors, "agents: ");
    add(customerResult.errors, "customers: ");
    const repliesCount = agentResults.reduce((a, r) => a + r.replies, 0);
    const logLines = target.logLines();
    if (logLines.length) log(`server log (${logLines.length} lines), first: ${logLines.slice(0, 3).join(" | ")}`);
    const replyToCustomer = merged([encode(replies), customerResult.replyToVisitor]);
    const generatorCpuMs = agentResults.reduce((a, r) => a + r.cpuMs, 0) + customerResult.cpuMs + (mainCpu.user + mainCpu.system) / 1000;
    return {
      target: target.name,
      agents,
      teams: target.fixture.teams.length,
      customers,
      seconds,
      connected,
      connectSeconds,
      customerRate: { asked, achieved: customerResult.sent.length / seconds },
      replyRate: repliesCount / seconds,
      resolves: agentResults.reduce((a, r) => a + r.resolves, 0),
      delivery: summarise(merged(agentResults.map((r) => r.delivery))),
      bareP99,
      webhookAck: summarise(merged(Object.values(customerResult.webhookAck))),
      webhookAckByChannel: Object.fromEntries(Object.entries(customerResult.webhookAck).map(([c, h]) => [c, summarise(merged([h]))])),
      widgetAck: summarise(merged([customerResult.widgetAck])),
      replyToCustomer: summarise(replyToCustomer),
      commands: summarise(merged(agentResults.map((r) => r.commands))),
      deliveries: { expected, received, messagesNobodySaw: nobody },
      errors,
      overload: { refused: customerResult.refused, webhookAnswer: summarise(merged([customerResult.webhookAnswer])), server: admission },
      server: {
        cpuCores,
        cpuPeakCores,
        cpuMsPerMessage: (usageEnd.cpuMs - first.usage.cpuMs) / Math.max(1, customerResult.sent.length + repliesCount),
        idleAgentsCores,
        runQueueShare: (usageEnd.runQueueMs - first.usage.runQueueMs) / 1000 / (end / 1000 - first.t),
        rssIdleMb: rssIdle / MB,
        rssAgentsMb: rssAgents / MB,
        rssEndMb: usageEnd.rss / MB,
        perAgentMb: (rssAgents - rssIdle) / MB / Math.max(1, connected),
        perConversationMb: (rssOpened - rssAgents) / MB / customers,
        rssSlopeMbMin: slope(after(rssPoints, warm)) * 60,
        heapSlopeMbMin: floorSlope(after(heapPoints, warm), 20) * 60,
        heapStartMb: (heapWindow[0]?.heapUsed ?? heapIdle) / MB,
        heapEndMb: (heapWindow.at(-1)?.heapUsed ?? NaN) / MB,
        rooms: target.heap.at(-1)?.rooms ?? 0,
        logLines: logLines.length,
      },
      generatorCores: generatorCpuMs / 1000 / seconds,
      agentLoopDelayP99Ms: Math.max(...agentResults.map((r) => r.loopDelayP99Ms)),
      series: { rss: rssPoints.map((p) => [round(p.t - from / 1000), round(p.v)]), heap: heapPoints.map((p) => [round(p.t - from / 1000), round(p.v)]) },
    };
  } finally {
    clearInterval(sampler);
    for (const l of loaders) await l.stop();
    await target.stop();
    await platforms.stop();
  }
}
