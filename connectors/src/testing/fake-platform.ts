import type { FakeListener } from "./fake-listener.ts";

/** One request the fake platform received, as the connector sent it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  text: string;
  json(): unknown;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type FakeHandler = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

/**
 * A stand-in for a messaging platform's API, for connector tests and the demo simulator: it
 * records every request and answers with whatever the handler says (documented success bodies,
 * or the platform's documented error envelopes). Runtime-neutral: the simulator calls `handle`
 * in-process (also on Workers); only `start()` loads the node:http listener (fake-listener.ts).
 */
export class FakePlatform {
  readonly requests: RecordedRequest[] = [];
  private listener: FakeListener | null = null;
  baseUrl = "";

  private handler: FakeHandler;

  /** `normal`: the documented success behaviour, which `reset` goes back to. */
  constructor(readonly normal: FakeHandler) {
    this.handler = normal;
  }

  /** Replaces the handler, e.g. to make the next sends fail with a platform error. */
  respondWith(handler: FakeHandler): void {
    this.handler = handler;
  }

  /** Requests matching `where` get `reply` (a platform error); everything else stays normal. */
  failWhere(where: (req: RecordedRequest) => boolean, reply: FakeReply): void {
    this.respondWith((req) => (where(req) ? reply : this.normal(req)));
  }

  /** Back to the documented success answers. */
  reset(): void {
    this.handler = this.normal;
  }

  /** Answers one request without a socket (the demo simulator mounts fakes inside the app). */
  async handle(recorded: RecordedRequest): Promise<FakeReply> {
    this.requests.push(recorded);
    return this.handler(recorded);
  }

  /** Listens on a free loopback port (Node only), for connectors to call over HTTP. */
  async start(): Promise<this> {
    const { listenOnLoopback } = await import("./fake-listener.ts");
    this.listener = await listenOnLoopback((req) => this.handle(req));
    this.baseUrl = this.listener.baseUrl;
    return this;
  }

  async stop(): Promise<void> {
    await this.listener?.close();
  }
}

/** A Web `Request` (e.g. from Hono) as a recorded request, path relative to `mountPath`. */
export async function recordFromRequest(request: Request, mountPath: string): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const body = new Uint8Array(await request.arrayBuffer());
  const text = new TextDecoder().decode(body);
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k] = v));
  // Fakes that build absolute URLs (media links) from the Host header get the mount path with it.
  if (headers.host) headers.host += mountPath;
  return {
    method: request.method,
    path: url.pathname.startsWith(mountPath) ? url.pathname.slice(mountPath.length) || "/" : url.pathname,
    query: url.searchParams,
    headers,
    body,
    text,
    json: () => JSON.parse(text) as unknown,
  };
}
