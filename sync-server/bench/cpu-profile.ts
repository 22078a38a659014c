import WebSocket from "ws";

// A CPU profile of the Worker's isolate under `wrangler dev`, over the DevTools protocol at its
// inspector port: how much of the time the isolate was busy, and in what.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface CpuSummary {
  /** Wall time profiled and the part of it the isolate ran JavaScript (or collected garbage), in ms. */
  wallMs: number;
  busyMs: number;
  /** Self time by function, most first. */
  top: { name: string; ms: number }[];
  /** Self time by source (the package, or our file), most first. */
  bySource: { name: string; ms: number }[];
  /** Time in a function and what it called, by function, most first (recursion counted once). */
  inclusive: { name: string; ms: number }[];
}

/** Starts profiling the isolate; the returned function stops and summarises. */
export async function profileIsolate(inspectorPort: number): Promise<() => Promise<CpuSummary>> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on("message", (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 200 });
  await call("Profiler.start");
  return async () => {
    const { profile } = (await call("Profiler.stop")) as { profile: Profile };
    ws.close();
    return summarise(profile);
  };
}

function summarise(profile: Profile): CpuSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, number>();
  const src = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    busy += ms;
    const name = `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    const source = functionName === "(garbage collector)" ? "(garbage collector)" : sourceOf(url);
    src.set(source, (src.get(source) ?? 0) + ms);
  }
  // Inclusive: each node's self time counts for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, ms] of self) {
    const own = byId.get(id)!.callFrame.functionName;
    if (own === "(idle)" || own === "(program)") continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      const name = `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`;
      if (!seen.has(name)) {
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + ms);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { wallMs: (profile.endTime - profile.startTime) / 1000, busyMs: busy, top: sorted(fn), bySource: sorted(src), inclusive: sorted(incl) };
}

function shortUrl(url: string): string {
  return url.replace(/^.*\/(node_modules|src)\//, "$1/");
}

/** The package a frame's code came from, or its file of ours. */
function sourceOf(url: string): string {
  if (!url) return "(runtime)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /sync-server\/src\/(.*)$/.exec(url);
  return ours ? ours[1]! : shortUrl(url);
}

/** The profile's busy time per message, by source and by function (inclusive), largest first. */
export function printProfile(cpu: CpuSummary, messages: number): void {
  const per = (ms: number) => `${(ms / messages).toFixed(2)} ms`.padStart(10);
  console.log(`  the Worker's isolate, sampled: busy ${per(cpu.busyMs)} per message (sign-in included), by source:`);
  for (const s of cpu.bySource.slice(0, 8)) console.log(`    ${per(s.ms)}  ${s.name}`);
  console.log("  by function, with what it called:");
  for (const s of cpu.inclusive.slice(1, 25)) console.log(`    ${per(s.ms)}  ${s.name}`);
}
