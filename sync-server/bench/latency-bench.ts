import WebSocket from "ws";
import * as Y from "yjs";
import { encodeUpdate } from "../src/rooms/y-messages.ts";
import { startChild } from "../src/testing/child-process.ts";
import { fmt, percentile } from "./stats.ts";
import { cpuByRole, cpuSince } from "./process-cpu.ts";

/** Resolves with the arrival time of the next frame on each socket. */
function nextFrames(sockets: WebSocket[]): Promise<number[]> {
  return Promise.all(
    sockets.map((s) => new Promise<number>((resolve) => s.once("message", () => resolve(performance.now())))),
  );
}

/**
 * The widget API's limits lifted: the bench's visitors all come from one address and send far
 * faster than people type, which production limits refuse (as they should).
 */
export const BENCH_WIDGET_LIMITS = JSON.stringify({
  sessionsPerAddress: { burst: 1_000_000, refillMs: 1 },
  messagesPerVisitor: { burst: 1_000_000, refillMs: 1 },
});

/** Agents' sockets sign in as non-browser clients do: a Bearer header (never a token in the URL). */
export async function openAll(url: string, count: number, awaitGreeting: boolean, token?: string): Promise<WebSocket[]> {
  return Promise.all(
    Array.from({ length: count }, () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
        if (awaitGreeting) ws.once("message", () => resolve(ws));
        else ws.once("open", () => resolve(ws));
        ws.once("error", reject);
      }),
    ),
  );
}

/**
 * Customer message → agent socket: a widget POST goes through ingest and libSQL, and the
 * conversation-list update arrives on every agent socket in the team room. One message at a
 * time; each (socket, message) pair is one latency sample in milliseconds.
 */
export async function customerToAgentLatency(
  url: string,
  inboxId: string,
  teamId: string,
  agents: number,
  messages: number,
  /** Called as the sampled messages start and once they are done (after sign-in and the warm-up). */
  around?: { start(): void; end(): void },
): Promise<number[]> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@demo.inbox", password: "bench-password" }),
  });
  const { token } = (await login.json()) as { token: string };
  const sockets = await openAll(`${url.replace("http", "ws")}/sync/team.${teamId}`, agents, true, token);
  // Let the room's greeting (sync step 1/2, awareness) finish before sampling.
  await new Promise((r) => setTimeout(r, 200));
  const session = await fetch(`${url}/api/widget/${inboxId}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const { token: visitor } = (await session.json()) as { token: string };
  const samples: number[] = [];
  const run = Math.random().toString(36).slice(2, 8);
  for (let i = 0; i < messages + 10; i++) {
    if (i === 10) around?.start();
    const arrivals = nextFrames(sockets);
    const sent = performance.now();
    await fetch(`${url}/api/widget/${inboxId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${visitor}` },
      body: JSON.stringify({ clientId: `lat-${run}-${i}`, text: `Latency probe ${i}` }),
    });
    const times = await arrivals;
    if (i >= 10) for (const t of times) samples.push(t - sent); // the first 10 warm up
  }
  around?.end();
  for (const s of sockets) s.close();
  return samples;
}

/** The same measurement against the bare relay: sender socket → relay → every agent socket. */
export async function bareRelayLatency(relayUrl: string, agents: number, messages: number): Promise<number[]> {
  const sockets = await openAll(relayUrl, agents, false);
  const [sender] = await openAll(relayUrl, 1, false);
  const doc = new Y.Doc();
  const samples: number[] = [];
  for (let i = 0; i < messages + 10; i++) {
    const before = Y.encodeStateVector(doc);
    doc.getMap("conversations").set(`c${i % 50}`, { id: `c${i % 50}`, lastMessagePreview: `Latency probe ${i}`, unreadCount: i });
    const update = Y.encodeStateAsUpdate(doc, before);
    const arrivals = nextFrames(sockets);
    const sent = performance.now();
    sender!.send(encodeUpdate(update));
    const times = await arrivals;
    if (i >= 10) for (const t of times) samples.push(t - sent);
  }
  for (const s of [...sockets, sender!]) s.close();
  return samples;
}

interface ServerInfo {
  url: string;
  inboxId: string;
  teamId: string;
}

/** "## (b)": the Node server in a child process against the bare relay, at 1, 10 and 100 agents. */
export async function latencySection(opts: { quick: boolean }): Promise<void> {
  const messages = opts.quick ? 20 : 100;
  const server = await startChild<ServerInfo>(new URL("../src/testing/server-process.ts", import.meta.url), { WIDGET_LIMITS: BENCH_WIDGET_LIMITS });
  const relay = await startChild<{ url: string }>(new URL("./bare-relay.ts", import.meta.url));
  try {
    console.log("## (b) Customer message -> connected agent socket latency");
    console.log("  agents  ours p50   ours p99   bare p50   bare p99   p99 ratio   server CPU per message  (target: ours p99 within 3x the bare relay)");
    // The server's CPU per message is steadier than a p99 on a shared machine: it says whether
    // work left the delivery path or only moved.
    const serverRole = (cmd: string) => (cmd.includes("server-process") ? "server" : null);
    for (const agents of [1, 10, 100]) {
      let before = new Map<string, number>();
      let cpuMs = 0;
      const ours = await customerToAgentLatency(server.info.url, server.info.inboxId, server.info.teamId, agents, messages, {
        start: () => void (before = cpuByRole(serverRole)),
        end: () => void (cpuMs = cpuSince(before, cpuByRole(serverRole)).get("server") ?? 0),
      });
      const bare = await bareRelayLatency(relay.info.url, agents, messages);
      const [o50, o99, b50, b99] = [percentile(ours, 50), percentile(ours, 99), percentile(bare, 50), percentile(bare, 99)];
      console.log(
        `  ${String(agents).padStart(6)}  ${fmt(o50, 2).padStart(6)} ms  ${fmt(o99, 2).padStart(6)} ms  ${fmt(b50, 2).padStart(6)} ms  ${fmt(b99, 2).padStart(6)} ms  ${fmt(o99 / b99, 2).padStart(6)}x   ${fmt(cpuMs / messages, 2).padStart(6)} ms`,
      );
    }
  } finally {
    await server.stop();
    await relay.stop();
  }
}
