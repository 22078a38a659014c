import type { DurableObjectNamespace } from "./cf-types.ts";
import { ROOM_HEADER } from "./internal.ts";

/**
 * Bench-only timing of one request's way through the Worker and its Durable Objects, for
 * `npm run bench -- --only=workers` (bench/workers-bench.ts): on only when the deployment's
 * BENCH_TRACE is "true" (the bench's generated wrangler config; never wrangler.toml) and the
 * request names a trace in `x-bench-trace`. Each part prints one `BENCH-TRACE {json}` line that
 * the bench reads from wrangler's output and lays beside its own send and arrival times.
 * Times are epoch milliseconds; workerd's clock moves only when I/O completes, so a span is the
 * wait for that I/O plus whatever CPU ran since the clock last moved.
 */
export const TRACE_HEADER = "x-bench-trace";
export const TRACE_LINE = "BENCH-TRACE ";

export interface Span {
  what: string;
  start: number;
  end: number;
  /** The statements of a `sql` span (their first words). */
  detail?: string;
}

export class Trace {
  readonly spans: Span[] = [];
  readonly start = Date.now();
  private readonly pending: Promise<unknown>[] = [];

  constructor(readonly id: string) {}

  time<T>(what: string, run: () => Promise<T>, detail?: string): Promise<T> {
    const start = Date.now();
    const done = run().finally(() => this.spans.push({ what, start, end: Date.now(), detail }));
    this.pending.push(done.catch(() => undefined));
    return done;
  }

  mark(what: string): void {
    const now = Date.now();
    this.spans.push({ what, start: now, end: now });
  }

  /** Prints the trace once every span started so far has ended. */
  async emit(where: string): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
    console.log(`${TRACE_LINE}${JSON.stringify({ id: this.id, where, start: this.start, spans: this.spans })}`);
  }
}

export function tracing(env: { BENCH_TRACE?: string }): boolean {
  return env.BENCH_TRACE === "true";
}

/** The request's trace, when the deployment traces and the request asks for one. */
export function traceOf(request: Request, env: { BENCH_TRACE?: string }): Trace | null {
  if (!tracing(env)) return null;
  const id = request.headers.get(TRACE_HEADER);
  return id ? new Trace(id) : null;
}

/** The libSQL client's fetch, each HTTP round trip recorded as a `sql` span. */
export function tracedFetch(trace: Trace): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const statements = [...(await request.clone().text()).matchAll(/"sql":"((?:[^"\\]|\\.){0,48})/g)].map((m) => m[1]);
    return trace.time("sql", () => fetch(request), statements.join(" | "));
  };
}

/** Durable Object stubs whose fetches are recorded (`do <path> <object name>`) and carry the trace on to the object. */
export function tracedNamespace(namespace: DurableObjectNamespace, trace: Trace): DurableObjectNamespace {
  return {
    idFromName: (name) => namespace.idFromName(name),
    get(id) {
      const stub = namespace.get(id);
      return {
        fetch(input, init) {
          const request = new Request(input, init);
          request.headers.set(TRACE_HEADER, trace.id);
          const target = request.headers.get(ROOM_HEADER);
          return trace.time(`do ${new URL(request.url).pathname}${target ? ` ${target}` : ""}`, () => stub.fetch(request));
        },
      };
    },
  };
}
