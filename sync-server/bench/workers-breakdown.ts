import type WebSocket from "ws";
import { openAll } from "./latency-bench.ts";
import { fmt, percentile } from "./stats.ts";

// Where a customer message's time goes on the Workers build under `wrangler dev`: the Worker and
// its room object print their spans (src/worker/bench-trace.ts, on with BENCH_TRACE) and the
// platform's floor is probed without our code (src/worker/bench-probes.ts). Times are epoch ms
// on both sides (one machine, one clock); workerd's clock moves only on I/O.

const TRACE_LINE = "BENCH-TRACE ";

interface Span {
  what: string;
  start: number;
  end: number;
  /** A `sql` span's statements (their first words). */
  detail?: string;
}

interface TraceLine {
  id: string;
  where: string;
  start: number;
  spans: Span[];
}

/** Collects the trace lines wrangler prints (its stdout, fed chunk by chunk). */
export class TraceReader {
  private partial = "";
  private readonly lines: TraceLine[] = [];

  feed(chunk: string): void {
    const text = this.partial + chunk;
    const parts = text.split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      const at = line.indexOf(TRACE_LINE);
      if (at >= 0) this.lines.push(JSON.parse(line.slice(at + TRACE_LINE.length)) as TraceLine);
    }
  }

  all(): TraceLine[] {
    return this.lines;
  }

  find(id: string, where: string): TraceLine | undefined {
    return this.lines.find((l) => l.id === id && l.where === where);
  }
}

const epoch = () => performance.timeOrigin + performance.now();

async function signIn(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@demo.inbox", password: "bench-password" }),
  });
  return ((await login.json()) as { token: string }).token;
}

function nextFrame(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once("message", () => resolve(epoch())));
}

async function teamSocket(url: string, token: string, teamId: string): Promise<WebSocket> {
  const [ws] = await openAll(`${url.replace("http", "ws")}/sync/team.${teamId}`, 1, true, token);
  // Let the room's greeting (sync step 1/2, awareness) finish before sampling.
  await new Promise((r) => setTimeout(r, 200));
  return ws!;
}

/** The platform's floor, none of our code: probes timed inside the Worker and from here. */
export async function platformFloor(url: string, teamId: string, n: number): Promise<Record<string, number[]>> {
  const inside = async (probe: string) => ((await (await fetch(`${url}/__bench/${probe}?n=${n}`)).json()) as { ms: number[] }).ms;
  const sqld = await inside("sqld");
  const hop = await inside("do");
  const noop: number[] = [];
  for (let i = 0; i < n; i++) {
    const sent = epoch();
    await (await fetch(`${url}/__bench/noop`)).arrayBuffer();
    noop.push(epoch() - sent);
  }
  const ws = await teamSocket(url, await signIn(url), teamId);
  const broadcast = async (put: "" | "1" | "unconfirmed") => {
    const ms: number[] = [];
    for (let i = 0; i < n + 5; i++) {
      const arrival = nextFrame(ws);
      const sent = epoch();
      await fetch(`${url}/__bench/broadcast?room=team.${teamId}${put ? `&put=${put}` : ""}`, { method: "POST" });
      if (i >= 5) ms.push((await arrival) - sent);
      else await arrival;
    }
    return ms;
  };
  const frame = await broadcast("");
  const framePut = await broadcast("1");
  const frameUnconfirmed = await broadcast("unconfirmed");
  ws.close();
  return { sqld, hop, noop, frame, framePut, frameUnconfirmed };
}

export interface Phases {
  total: number[];
  answered: number[];
  proxyIn: number[];
  core: number[];
  /** From the core being ready to the team room's write leaving the Worker. */
  toRoomWrite: number[];
  sqlBeforeWrite: number[];
  sqlTimeBeforeWrite: number[];
  sqlPerMessage: number[];
  doPerMessage: number[];
  hopIn: number[];
  put: number[];
  roomToSocket: number[];
}

/** One agent on the team room; each message is traced and laid out in phases. */
export async function tracedMessages(url: string, inboxId: string, teamId: string, messages: number, reader: TraceReader): Promise<Phases> {
  const token = await signIn(url);
  const ws = await teamSocket(url, token, teamId);
  const session = await fetch(`${url}/api/widget/${inboxId}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const { token: visitor } = (await session.json()) as { token: string };
  const run = Math.random().toString(36).slice(2, 8);
  const sent: { id: string; sent: number; answered: number; frame: number }[] = [];
  for (let i = 0; i < messages + 10; i++) {
    const id = `${run}-${i}`;
    const arrival = nextFrame(ws);
    const at = epoch();
    await fetch(`${url}/api/widget/${inboxId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${visitor}`, "x-bench-trace": id },
      body: JSON.stringify({ clientId: `trace-${id}`, text: `Traced probe ${i}` }),
    });
    const answered = epoch();
    const frame = await arrival;
    if (i >= 10) sent.push({ id, sent: at, answered, frame }); // the first 10 warm up
  }
  ws.close();
  const room = `room team.${teamId}`;
  // The traces print once the message's background work is done: wait for them (bounded).
  const deadline = Date.now() + 30_000;
  while (sent.some((s) => !reader.find(s.id, "worker") || !reader.find(s.id, room)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const phases: Phases = { total: [], answered: [], proxyIn: [], core: [], toRoomWrite: [], sqlBeforeWrite: [], sqlTimeBeforeWrite: [], sqlPerMessage: [], doPerMessage: [], hopIn: [], put: [], roomToSocket: [] };
  for (const s of sent) {
    const worker = reader.find(s.id, "worker");
    const roomLine = reader.find(s.id, room);
    if (!worker || !roomLine) continue;
    const core = worker.spans.find((x) => x.what === "core");
    const write = worker.spans.find((x) => x.what === `do /ops team.${teamId}`);
    const put = roomLine.spans.find((x) => x.what === "put");
    if (!core || !write) continue;
    const sqlBefore = worker.spans.filter((x) => x.what === "sql" && x.start < write.start);
    phases.total.push(s.frame - s.sent);
    phases.answered.push(s.answered - s.sent);
    phases.proxyIn.push(worker.start - s.sent);
    phases.core.push(core.end - core.start);
    phases.toRoomWrite.push(write.start - core.end);
    phases.sqlBeforeWrite.push(sqlBefore.length);
    phases.sqlTimeBeforeWrite.push(sqlBefore.reduce((t, x) => t + x.end - x.start, 0));
    phases.sqlPerMessage.push(worker.spans.filter((x) => x.what === "sql").length);
    phases.doPerMessage.push(worker.spans.filter((x) => x.what.startsWith("do ")).length);
    phases.hopIn.push(roomLine.start - write.start);
    if (put) phases.put.push(put.end - put.start);
    phases.roomToSocket.push(s.frame - roomLine.start);
  }
  return phases;
}

export function printFloor(floor: Record<string, number[]>): void {
  const row = (label: string, samples: number[] | undefined) => console.log(`    ${label.padEnd(58)} p50 ${ms(percentile(samples ?? [], 50))}  p99 ${ms(percentile(samples ?? [], 99))}`);
  console.log("  platform floor under wrangler dev (no code of ours on the path):");
  row("HTTP round trip to a Worker that answers at once", floor.noop);
  row("libSQL `select 1` round trip from the Worker (sqld, HTTP)", floor.sqld);
  row("Durable Object fetch that answers at once, from the Worker", floor.hop);
  row("HTTP in -> Worker -> room object -> frame on the agent socket", floor.frame);
  row("  the same, the object starting a storage write as it sends", floor.framePut);
  row("  the same, that write not holding the frame (allowUnconfirmed)", floor.frameUnconfirmed);
}

export function printPhases(p: Phases): void {
  const med = (samples: number[]) => ms(percentile(samples, 50));
  console.log(`  one traced message (1 agent), medians over ${p.total.length} messages:`);
  console.log(`    customer POST -> frame on the agent socket        ${med(p.total)}  (p99 ${ms(percentile(p.total, 99))}; the POST's answer after ${med(p.answered)})`);
  console.log(`    proxy in: POST sent -> the Worker starts           ${med(p.proxyIn)}`);
  console.log(`    per-request core                                   ${med(p.core)}`);
  console.log(`    route, ingest -> the team room's write sent        ${med(p.toRoomWrite)}  (${fmt(percentile(p.sqlBeforeWrite, 50), 0)} libSQL round trips, ${med(p.sqlTimeBeforeWrite)} of it)`);
  console.log(`    DO hop: write sent -> the room object has it       ${med(p.hopIn)}`);
  console.log(`    room object -> frame on the agent socket           ${med(p.roomToSocket)}  (its storage write took ${med(p.put)})`);
  console.log(`    per message in all (background work included): ${fmt(percentile(p.sqlPerMessage, 50), 0)} libSQL round trips, ${fmt(percentile(p.doPerMessage, 50), 0)} Durable Object fetches`);
}

const ms = (n: number) => `${fmt(n, 2)} ms`.padStart(10);
