import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { startChild } from "../src/testing/child-process.ts";
import { buildWebhook } from "@inbox/connectors/whatsapp/fake.ts";
import { connectFakeWhatsapp, startFakeWhatsapp, whatsappText } from "../src/testing/fake-whatsapp-inbox.ts";
import { fmt, percentile } from "./stats.ts";
import { DEFAULT_ADMISSION_LIMITS } from "../src/http/admission.ts";

// Issue 10: acknowledged is not shown. Signed WhatsApp webhooks flood the server (many senders
// at once, as Meta delivers); the baseline is the rate the server acknowledges them at, measured
// in the same run, and the figure is how fast it processes them (parsed, stored as messages,
// shown) meanwhile, as a ratio. 1.0 means processing keeps up with acknowledgement.

interface ServerInfo {
  url: string;
  dir: string;
  teamId: string;
  pid: number;
}

/** Admission control off: limits no flood reaches (the server before issue 17's back-pressure). */
const UNLIMITED = { OVERLOAD_WEBHOOK_BACKLOG: "1000000000", OVERLOAD_WRITE_QUEUE: "1000000000", OVERLOAD_EVENT_LOOP_LAG_MS: "1000000000" };
/** Admission control as in production (server-process leaves the event-loop gauge off unless set). */
const PRODUCTION = { OVERLOAD_EVENT_LOOP_LAG_MS: String(DEFAULT_ADMISSION_LIMITS.eventLoopLagMs) };

export async function webhookFloodSection(opts: { quick: boolean }): Promise<void> {
  const total = opts.quick ? 1000 : 5000;
  const senders = 32;
  const customers = 200;
  console.log("\n## (g) Webhook processing under a flood (issue 10)");
  console.log(`  ${total} signed WhatsApp webhooks from ${customers} customers, ${senders} deliveries in flight at a time`);
  const whatsapp = await startFakeWhatsapp();
  // Admission control off: this section measures processing against acknowledgement (g2 measures refusing).
  const server = await startChild<ServerInfo>(new URL("../src/testing/server-process.ts", import.meta.url), { PLATFORM_API_URLS: `whatsapp=${whatsapp.fake.baseUrl}`, ...UNLIMITED });
  const db = createClient({ url: `file:${join(server.info.dir, "inbox.db")}` });
  try {
    const inbox = await adminConnectsWhatsapp(server.info, whatsapp);
    const processed = async () =>
      Number((await db.execute({ sql: "select count(*) as n from webhook_events where inbox_id = ? and state <> 'pending'", args: [inbox.inboxId] })).rows[0]!.n);

    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (next < total) {
          const i = next++;
          const c = i % customers;
          const payload = whatsappText({ from: `55119${String(c).padStart(8, "0")}`, name: `Flood ${c}`, id: `wamid.flood.${i}`, text: `message ${i}` });
          const status = await inbox.deliver(server.info.url, payload);
          if (status !== 200) throw new Error(`webhook ${i} answered ${status}`);
        }
      }),
    );
    const floodSeconds = (performance.now() - started) / 1000;
    const doneDuringFlood = await processed();
    for (;;) {
      if ((await processed()) >= total) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const allSeconds = (performance.now() - started) / 1000;
    const acked = total / floodSeconds;
    const during = doneDuringFlood / floodSeconds;
    console.log(`  acknowledged:                    ${fmt(acked, 0)} webhooks/s (baseline)`);
    console.log(`  processed while the flood lasted: ${fmt(during, 0)} webhooks/s  ratio ${fmt(during / acked, 2)} (1.00: keeps up)`);
    console.log(`  waiting when the flood ended:     ${total - doneDuringFlood}; all shown ${fmt(allSeconds - floodSeconds, 1)} s later`);
    await inbox.fake.stop();
  } catch (err) {
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    db.close();
    await server.stop();
  }
}

interface OverloadFigures {
  answerP99: number;
  acceptedP99: number;
  refused: number;
  peakRssMb: number;
  maxPending: number;
  allShownSeconds: number;
}

/**
 * Overload (issue 17): an open-loop flood, as platforms deliver whatever the server's state
 * (every webhook sent on schedule, not after the previous answer), at a rate above what one
 * process processes. The same flood against the server with admission control at its defaults
 * and with it off, in the same run: how fast every delivery is answered (200 or 503), how late
 * the last is taken (after its redeliveries: a 503 is sent again after Retry-After), the most
 * webhooks waiting in the record, and the server's peak RSS (VmHWM) above where it started.
 */
export async function webhookOverloadSection(opts: { quick: boolean }): Promise<void> {
  const total = Number(process.env.BENCH_OVERLOAD_TOTAL ?? (opts.quick ? 4000 : 8000));
  const perSecond = Number(process.env.BENCH_OVERLOAD_RATE ?? (opts.quick ? 1000 : 1200));
  console.log("\n## (g2) Webhook overload: admission control (issue 17)");
  console.log(`  ${total} signed WhatsApp webhooks fired at ${perSecond}/s without waiting for answers (a 503 is redelivered after its Retry-After, 2 s here, doubled per refusal as Meta backs off)`);
  // Alternate which goes first (the machine is shared and drifts): BENCH_OVERLOAD_ON_FIRST=1.
  const onFirst = process.env.BENCH_OVERLOAD_ON_FIRST === "1";
  const first = await overloadRun(total, perSecond, onFirst ? PRODUCTION : UNLIMITED);
  const second = await overloadRun(total, perSecond, onFirst ? UNLIMITED : PRODUCTION);
  const [on, off] = onFirst ? [first, second] : [second, first];
  if (!off || !on) return;
  const row = (name: string, f: OverloadFigures) =>
    console.log(
      `  ${name.padEnd(22)} answer p99 ${fmt(f.answerP99, 0).padStart(6)} ms; taken p99 ${fmt(f.acceptedP99, 0).padStart(6)} ms; 503s ${String(f.refused).padStart(5)}; most waiting ${String(f.maxPending).padStart(5)}; peak RSS +${fmt(f.peakRssMb, 0)} MB; all shown after ${fmt(f.allShownSeconds, 1)} s`,
    );
  row("admission off (before):", off);
  row("admission on (default):", on);
  console.log(`  ratios on/off: answer p99 ${fmt(on.answerP99 / off.answerP99, 2)}, most waiting ${fmt(on.maxPending / Math.max(1, off.maxPending), 2)}, peak RSS growth ${fmt(on.peakRssMb / Math.max(1, off.peakRssMb), 2)}`);
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function overloadRun(total: number, perSecond: number, env: Record<string, string>): Promise<OverloadFigures | null> {
  const whatsapp = await startFakeWhatsapp();
  const server = await startChild<ServerInfo>(new URL("../src/testing/server-process.ts", import.meta.url), {
    PLATFORM_API_URLS: `whatsapp=${whatsapp.fake.baseUrl}`,
    OVERLOAD_RETRY_AFTER_SECONDS: "2",
    ...env,
  });
  const db = createClient({ url: `file:${join(server.info.dir, "inbox.db")}` });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  try {
    const inbox = await adminConnectsWhatsapp(server.info, whatsapp);
    const pending = async () => Number((await db.execute("select count(*) as n from webhook_events where state = 'pending'")).rows[0]!.n);
    const processed = async () =>
      Number((await db.execute({ sql: "select count(*) as n from webhook_events where inbox_id = ? and state <> 'pending'", args: [inbox.inboxId] })).rows[0]!.n);
    const before = memoryMb(server.info.pid).rss;
    let maxPending = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        maxPending = Math.max(maxPending, await pending());
        await sleep(100);
      }
    })();
    const answers: number[] = [];
    const accepted: number[] = [];
    let refused = 0;
    const deliver = async (i: number) => {
      const c = i % 500;
      const payload = whatsappText({ from: `55117${String(c).padStart(8, "0")}`, name: `Overload ${c}`, id: `wamid.overload.${i}`, text: `message ${i}` });
      const signed = buildWebhook(payload, inbox.credentials);
      const first = performance.now();
      let attempt = 0;
      for (;;) {
        const sent = performance.now();
        const res = await fetch(`${server.info.url}/webhooks/whatsapp/${inbox.inboxId}`, { method: "POST", ...signed }).catch(() => null);
        answers.push(performance.now() - sent);
        await res?.arrayBuffer();
        if (res?.status === 200) return void accepted.push(performance.now() - first);
        if (res?.status === 503) refused++;
        // As Meta does: again soon, then less and less often (Retry-After, doubled per refusal, at most 30 s).
        await sleep(Math.min(30_000, Number(res?.headers.get("retry-after") ?? 1) * 1000 * 2 ** attempt++));
      }
    };
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 1) await sleep(wait);
      inFlight.push(deliver(i));
    }
    await Promise.all(inFlight);
    while ((await processed()) < total) await sleep(50);
    const allShownSeconds = (performance.now() - started) / 1000;
    watching = false;
    await watcher;
    const peak = memoryMb(server.info.pid).peak;
    await inbox.fake.stop();
    return { answerP99: percentile(answers, 99), acceptedP99: percentile(accepted, 99), refused, peakRssMb: peak - before, maxPending, allShownSeconds };
  } catch (err) {
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
    return null;
  } finally {
    db.close();
    await server.stop();
  }
}

// Runnable alone: `npx tsx sync-server/bench/webhook-flood-bench.ts [--quick]`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  await webhookFloodSection({ quick: process.argv.includes("--quick") });
  await webhookOverloadSection({ quick: process.argv.includes("--quick") });
}

/** The demo admin signs in and connects a WhatsApp inbox to the loopback fake. */
async function adminConnectsWhatsapp(server: ServerInfo, whatsapp: Parameters<typeof connectFakeWhatsapp>[3]) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@demo.inbox", password: "bench-password" }),
  });
  const { token } = (await login.json()) as { token: string };
  return connectFakeWhatsapp(server.url, token, server.teamId, whatsapp);
}
