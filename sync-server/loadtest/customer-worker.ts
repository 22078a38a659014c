import WebSocket from "ws";
import { WidgetFrameSchema, WidgetLiveTicketResponseSchema, WidgetSessionResponseSchema } from "@inbox/shared";
import { customerExternalId, textDelivery } from "./channel-wire.ts";
import { customerLine, isPlatform, seatOf, type CustomerSeat } from "./customers.ts";
import { encode, newHistogram, recordMs, type Histogram } from "./histogram.ts";
import { FromCustomersSchema, ToCustomersSchema, onParentMessage, toParent, type CustomerPlan, type FromCustomers, type ToCustomers } from "./ipc.ts";
import { epochNow, findReply, probeText } from "./marker.ts";

// The customers of a run, in one load process: platform customers as signed webhooks in each
// platform's wire format (POSTed as the platform delivers them, timed to the acknowledgement);
// web chat visitors as the widget: a session, a live ticket, the live socket, typing, `send`
// frames timed to their `ack`, and agents' replies read off the socket.

interface Visitor {
  ws: WebSocket;
  /** clientId → sent at (epoch ms), the message's seq, and whether the server just refused it as overloaded. */
  pending: Map<string, { at: number; seq: number; refused?: boolean }>;
}

let plan!: CustomerPlan;
const errors: Record<string, number> = {};
const fail = (kind: string) => void (errors[kind] = (errors[kind] ?? 0) + 1);
const webhookAck = new Map<string, Histogram>();
/** Every webhook POST → its answer (200 or 503): how fast the server answers, overloaded or not. */
const webhookAnswer = newHistogram();
/** Answers 503 (overloaded) in the measured window, by channel (webchat: the widget's error frames). */
const refused: Record<string, number> = {};
/** A platform gives up redelivering after this (the real ones keep going for hours; the run is bounded). */
const REDELIVER_FOR_MS = 60_000;
const widgetAck = newHistogram();
const replyToVisitor = newHistogram();
const sent: [number, number][] = [];
const visitors = new Map<number, Promise<Visitor | null>>();
const inFlight = new Set<Promise<void>>();
let measureFrom = Number.POSITIVE_INFINITY;
let seq = 0;
let cpuAtRun = process.cpuUsage();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

onParentMessage<ToCustomers>(ToCustomersSchema, async (msg) => {
  if (msg.type === "open") {
    plan = msg.plan;
    const before = { ...errors };
    // Every customer's first message: their chats open and routing hands them out.
    await paced(msg.perSecond, plan.customers, (i) => write(i));
    await settled();
    const opened = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => Number(v) > 0));
    return send({ type: "opened", sent: plan.customers, errors: opened });
  }
  if (msg.type === "run") {
    measureFrom = msg.from;
    cpuAtRun = process.cpuUsage();
    await poisson(msg.perSecond, msg.ms, () => write(Math.floor(Math.random() * plan.customers)));
    await settled();
    return send({ type: "ran" });
  }
  const cpu = process.cpuUsage(cpuAtRun);
  for (const v of visitors.values()) void v.then((x) => x?.ws.close());
  send({
    type: "result",
    sent,
    webhookAck: Object.fromEntries([...webhookAck].map(([c, h]) => [c, encode(h)])),
    webhookAnswer: encode(webhookAnswer),
    refused,
    widgetAck: encode(widgetAck),
    replyToVisitor: encode(replyToVisitor),
    errors,
    cpuMs: (cpu.user + cpu.system) / 1000,
  });
  setTimeout(() => process.exit(0), 200);
});

function send(msg: FromCustomers): void {
  toParent(FromCustomersSchema.parse(msg));
}

/** `count` calls spread evenly at `perSecond`, without waiting for each to finish. */
async function paced(perSecond: number, count: number, each: (i: number) => void): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    each(i);
  }
}

/** Calls at Poisson arrivals of `perSecond` for `ms`: customers write when they do, not in step. */
async function poisson(perSecond: number, ms: number, each: () => void): Promise<void> {
  const started = performance.now();
  let due = started;
  for (;;) {
    due += (-Math.log(1 - Math.random()) * 1000) / perSecond;
    if (due - started >= ms) return;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    each();
  }
}

async function settled(): Promise<void> {
  const until = Date.now() + 15_000;
  while (inFlight.size > 0 && Date.now() < until) await Promise.race([...inFlight, sleep(100)]);
  if (inFlight.size > 0) fail(`still unanswered at the end: ${inFlight.size}`);
}

function write(n: number): void {
  const seat = seatOf(n, plan.fixture.teams);
  const task = (isPlatform(seat.channel) ? webhook(seat) : widget(seat)).catch((err: unknown) => fail(`${seat.channel}: ${err instanceof Error ? err.message : String(err)}`));
  inFlight.add(task);
  void task.finally(() => inFlight.delete(task));
}

async function webhook(seat: CustomerSeat): Promise<void> {
  if (!isPlatform(seat.channel)) return;
  const channel = seat.channel;
  const s = seq++;
  const customer = { externalId: customerExternalId(channel, seat.n), name: `Customer ${seat.n}` };
  const sentAt = epochNow();
  const d = textDelivery(channel, plan.credentials[channel]!, customer, s, probeText(s, sentAt, customerLine(s)));
  // As the platforms do: a 503 (the server is overloaded, issue 17) is delivered again after its
  // Retry-After, the same webhook (same delivery key); the acknowledgement is timed from the first try.
  for (;;) {
    const tried = epochNow();
    const res = await fetch(`${plan.url}/webhooks/${channel}/${seat.inboxId}${d.query ? `?${d.query}` : ""}`, { method: "POST", headers: d.headers, body: d.body });
    await res.arrayBuffer();
    if (tried >= measureFrom) recordMs(webhookAnswer, epochNow() - tried);
    if (res.status === 503) {
      if (tried >= measureFrom) refused[channel] = (refused[channel] ?? 0) + 1;
      const wait = Number(res.headers.get("retry-after") ?? "1") * 1000;
      if (epochNow() + wait - sentAt > REDELIVER_FOR_MS) return fail(`${channel} webhook still refused after ${REDELIVER_FOR_MS / 1000} s`);
      await sleep(wait);
      continue;
    }
    if (res.status !== 200) return fail(`${channel} webhook ${res.status}`);
    break;
  }
  let h = webhookAck.get(channel);
  if (!h) webhookAck.set(channel, (h = newHistogram()));
  if (sentAt >= measureFrom) {
    recordMs(h, epochNow() - sentAt);
    sent.push([s, seat.team]);
  }
}

async function widget(seat: CustomerSeat): Promise<void> {
  let v = visitors.get(seat.n);
  // A visitor whose widget could not start is counted once and tries again on their next message.
  if (!v) visitors.set(seat.n, (v = visit(seat).catch((err: unknown) => (visitors.delete(seat.n), fail(`webchat: ${err instanceof Error ? err.message : String(err)}`), null))));
  const visitor = await v;
  if (!visitor) return;
  if (visitor.ws.readyState !== WebSocket.OPEN) {
    visitors.delete(seat.n); // the widget reconnects with a new ticket on the next message
    return fail("webchat: live socket gone");
  }
  // The widget says the visitor is typing a moment before the message goes.
  visitor.ws.send(JSON.stringify({ type: "typing", typing: true }));
  await sleep(300 + Math.random() * 700);
  const s = seq++;
  const at = epochNow();
  const clientId = `load-${String(s).padStart(8, "0")}`;
  const pending = { at, seq: s, refused: false };
  visitor.pending.set(clientId, pending);
  const frame = JSON.stringify({ type: "send", clientId, text: probeText(s, at, customerLine(s)) });
  const until = Date.now() + 15_000;
  // As the widget's outbox does: an "overloaded" refusal is sent again, same clientId, with backoff.
  for (let attempt = 0; ; attempt++) {
    if (visitor.ws.readyState !== WebSocket.OPEN) break;
    visitor.ws.send(frame);
    while (visitor.pending.has(clientId) && !pending.refused && Date.now() < until) await sleep(20);
    if (!pending.refused || Date.now() >= until) break;
    pending.refused = false;
    if (at >= measureFrom) refused.webchat = (refused.webchat ?? 0) + 1;
    await sleep(Math.min(500 * 2 ** attempt, 8000));
  }
  if (visitor.pending.delete(clientId)) fail("webchat: no ack in 15 s");
  else if (at >= measureFrom) sent.push([s, seat.team]);
}

/** A visitor as the widget starts: a session, a one-minute ticket, the live socket. */
async function visit(seat: CustomerSeat): Promise<Visitor | null> {
  const base = `${plan.url}/api/widget/${seat.inboxId}`;
  const started = await fetch(`${base}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `Visitor ${seat.n}` }) });
  if (started.status !== 201) {
    fail(`webchat session ${started.status}`);
    await started.arrayBuffer();
    return null;
  }
  const { token } = WidgetSessionResponseSchema.parse(await started.json());
  const ticketed = await fetch(`${base}/live-tickets`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  if (ticketed.status !== 200) {
    fail(`webchat ticket ${ticketed.status}`);
    await ticketed.arrayBuffer();
    return null;
  }
  const { ticket } = WidgetLiveTicketResponseSchema.parse(await ticketed.json());
  const ws = new WebSocket(`${base.replace(/^http/, "ws")}/live?ticket=${encodeURIComponent(ticket)}`);
  const visitor: Visitor = { ws, pending: new Map() };
  ws.on("message", (data: Buffer) => {
    const frame = WidgetFrameSchema.safeParse(JSON.parse(data.toString()));
    if (!frame.success) return fail("webchat: unknown frame");
    const f = frame.data;
    if (f.type === "ack") {
      const p = visitor.pending.get(f.clientId);
      if (!p) return;
      visitor.pending.delete(f.clientId);
      if (p.at >= measureFrom) recordMs(widgetAck, epochNow() - p.at);
    } else if (f.type === "error") {
      const p = f.clientId ? visitor.pending.get(f.clientId) : undefined;
      if (f.code === "overloaded" && p) return void (p.refused = true);
      fail(`webchat error ${f.code}`);
      if (f.clientId) visitor.pending.delete(f.clientId);
    } else if (f.type === "message" && f.message.from === "agent" && f.message.content.kind === "text") {
      const at = findReply(f.message.content.text);
      if (at !== null && at >= measureFrom) recordMs(replyToVisitor, epochNow() - at);
    }
  });
  ws.on("close", (code) => void (code !== 1000 && code !== 1005 && fail(`webchat socket closed ${code}`)));
  return new Promise((resolve) => {
    ws.once("message", () => resolve(visitor)); // {"type":"ready"}
    ws.once("error", () => {
      fail("webchat socket error");
      resolve(null);
    });
  });
}
