import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

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
 * A stand-in for a messaging platform's API on a loopback port, for connector tests and the
 * demo simulator: it records every request and answers with whatever the handler says
 * (documented success bodies, or the platform's documented error envelopes).
 */
export class FakePlatform {
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
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

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const recorded = await record(req);
      try {
        const reply = await this.handle(recorded);
        const body = reply.body === undefined ? "" : typeof reply.body === "string" || reply.body instanceof Uint8Array ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, {
          "content-type": typeof reply.body === "object" && !(reply.body instanceof Uint8Array) ? "application/json" : "text/plain",
          ...reply.headers,
        });
        res.end(body);
      } catch (err) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(err));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = new Uint8Array(Buffer.concat(chunks));
  const url = new URL(req.url ?? "/", "http://fake");
  const text = new TextDecoder().decode(body);
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
    text,
    json: () => JSON.parse(text) as unknown,
  };
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
