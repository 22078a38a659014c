import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A chat-completions request as the fake received it. */
export interface ReceivedCompletion {
  authorization: string | null;
  model: string;
  messages: { role: string; content: string }[];
  /** The whole body as sent. */
  raw: string;
}

/** What the next answers are: a normal reply, or one of the failures a provider gives. */
export type FakeBehaviour =
  | { kind: "reply" }
  | { kind: "slow"; delayMs: number }
  | { kind: "rate_limited"; retryAfter: string }
  | { kind: "server_error" }
  | { kind: "malformed" }
  | { kind: "unauthorized" }
  | { kind: "unknown_model" };

export interface FakeOpenAi {
  /** The base URL to configure: `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  received: ReceivedCompletion[];
  /** Changes how the fake answers from the next request on. */
  behave(behaviour: FakeBehaviour): void;
  /** What the fake answers, from the request (default: an echo of the last user message, marked). */
  answerWith(reply: (req: ReceivedCompletion) => string): void;
  close(): Promise<void>;
}

/** The key the fake accepts; any other Bearer token is a 401, as a real provider does. */
export const FAKE_OPENAI_KEY = "sk-fake-test-key";

/**
 * A real HTTP server on 127.0.0.1 speaking OpenAI's chat-completions wire format
 * (https://platform.openai.com/docs/api-reference/chat/create): `POST /v1/chat/completions` with
 * a Bearer key, answered as `{ choices: [{ message: { role, content } }] }`. It records each
 * request and can answer slowly, with 429 and Retry-After, with 500, or with nonsense.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const received: ReceivedCompletion[] = [];
  let behaviour: FakeBehaviour = { kind: "reply" };
  let reply = (req: ReceivedCompletion) => `[fake ${req.model}] ${req.messages.filter((m) => m.role === "user").at(-1)?.content ?? ""}`;
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return json(res, 404, { error: { message: "Unknown path", type: "invalid_request_error" } });
    let body: { model?: unknown; messages?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      return json(res, 400, { error: { message: "Invalid JSON", type: "invalid_request_error" } });
    }
    const entry: ReceivedCompletion = {
      authorization: req.headers.authorization ?? null,
      model: typeof body.model === "string" ? body.model : "",
      messages: Array.isArray(body.messages) ? (body.messages as { role: string; content: string }[]) : [],
      raw,
    };
    received.push(entry);
    if (entry.authorization !== `Bearer ${FAKE_OPENAI_KEY}` || behaviour.kind === "unauthorized") return json(res, 401, { error: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" } });
    switch (behaviour.kind) {
      case "rate_limited":
        return json(res, 429, { error: { message: "Rate limit reached", type: "requests" } }, { "retry-after": behaviour.retryAfter });
      case "server_error":
        return json(res, 500, { error: { message: "The server had an error", type: "server_error" } });
      case "unknown_model":
        return json(res, 404, { error: { message: `The model ${entry.model} does not exist`, type: "invalid_request_error", code: "model_not_found" } });
      case "malformed":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end('{"id":"chatcmpl-x","choices":[{"index":0}]}');
      case "slow": {
        const delay = behaviour.delayMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => (timers.delete(timer), resolve()), delay);
          timers.add(timer);
        });
        if (res.destroyed) return;
        break;
      }
    }
    json(res, 200, {
      id: `chatcmpl-${received.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: entry.model,
      choices: [{ index: 0, message: { role: "assistant", content: reply(entry) }, finish_reason: "stop" }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  };

  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    behave: (b) => void (behaviour = b),
    answerWith: (r) => void (reply = r),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
