import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeReply, RecordedRequest } from "./fake-platform.ts";

/** A fake platform listening on a loopback port (Node only: tests and the Node demo). */
export interface FakeListener {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves `handle` over HTTP on 127.0.0.1 at a free port. Kept apart from fake-platform.ts so
 * the fakes' request handling stays free of node:http (the Workers build runs them in-process).
 */
export async function listenOnLoopback(handle: (req: RecordedRequest) => Promise<FakeReply>): Promise<FakeListener> {
  const server = createServer(async (req, res) => {
    const recorded = await record(req);
    try {
      const reply = await handle(recorded);
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
