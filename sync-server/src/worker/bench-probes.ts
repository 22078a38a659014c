import { createClient } from "@libsql/client/web";
import type { Env } from "./env.ts";

/**
 * The platform's floor under `wrangler dev`, for the bench (bench/workers-bench.ts): served at
 * `/__bench/…` only when BENCH_TRACE is "true" (the bench's generated config), ahead of the app
 * and its core. What our code adds on the customer→agent path is read against these.
 *
 * - `noop`: answers at once (the local proxy and the Worker's dispatch, round trip).
 * - `sqld?n=`: n `select 1` round trips to libSQL, one after another, each timed here.
 * - `do?n=`: n fetches to a Durable Object that answers at once, each timed here.
 * - `broadcast?room=&put=`: the room's object sends one frame to its sockets, then starts a
 *   storage write (`put=1`, as an update from a socket does; `put=unconfirmed`, as one from the
 *   record does), so the bench times HTTP in → Worker → object → socket out with none of our
 *   work in between.
 */
const PREFIX = "/__bench/";

export function isBenchProbe(path: string): boolean {
  return path.startsWith(PREFIX);
}

export async function benchProbe(url: URL, env: Env): Promise<Response> {
  const n = Math.min(Number(url.searchParams.get("n") ?? "20") || 20, 1000);
  switch (url.pathname.slice(PREFIX.length)) {
    case "noop":
      return new Response(null, { status: 204 });
    case "sqld": {
      const client = createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN || undefined });
      try {
        return Response.json({ ms: await timed(n, () => client.execute("select 1")) });
      } finally {
        client.close();
      }
    }
    case "do": {
      const stub = env.ROOMS.get(env.ROOMS.idFromName("bench.probe"));
      return Response.json({ ms: await timed(n, async () => void (await stub.fetch(`https://room.internal${PREFIX}ping`)).arrayBuffer()) });
    }
    case "broadcast": {
      const room = url.searchParams.get("room") ?? "";
      const put = url.searchParams.get("put") ? `?put=${url.searchParams.get("put")}` : "";
      const res = await env.ROOMS.get(env.ROOMS.idFromName(room)).fetch(`https://room.internal${PREFIX}broadcast${put}`, { method: "POST" });
      return new Response(null, { status: res.status });
    }
    default:
      return new Response("no such probe", { status: 404 });
  }
}

async function timed(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return ms;
}

/** The object's side of `do` and `broadcast`: null when the request is no probe. */
export function roomProbe(request: Request, env: Env, sockets: () => { send(data: Uint8Array): void }[], storagePut: (unconfirmed: boolean) => Promise<void>): Response | null {
  if (env.BENCH_TRACE !== "true") return null;
  const url = new URL(request.url);
  if (url.pathname === `${PREFIX}ping`) return new Response(null, { status: 204 });
  if (url.pathname !== `${PREFIX}broadcast`) return null;
  // A sync update with nothing in it: a Yjs client takes it and changes nothing.
  const frame = new Uint8Array([0, 2, 2, 0, 0]);
  for (const ws of sockets()) {
    try {
      ws.send(frame);
    } catch {
      // closed meanwhile
    }
  }
  // As a room update does: the frame is sent, then the write starts in the same turn (the
  // runtime may hold the frame until the write is durable: its output gate).
  const put = url.searchParams.get("put");
  if (put) void storagePut(put === "unconfirmed");
  return new Response(null, { status: 204 });
}
