import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { startNodeServer, type NodeServerOptions, type RunningServer } from "../node/server.ts";

export const DEMO_PASSWORD = "test-password-1";

const UNLIMITED = { burst: 1_000_000, refillMs: 1 };
/**
 * Tests hash passwords with a cheap scrypt: many tests seed users and sign in, and OWASP's cost
 * is spent on purpose (auth/password.test.ts checks it). Not for production.
 */
export const TEST_PASSWORD_PARAMS = { ln: 10, r: 8, p: 1 } as const;

export interface TestServer extends RunningServer {
  dir: string;
  /** Signs in and returns the session token (Bearer). */
  login(email: string, password?: string): Promise<string>;
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  /** The demo simulator's API (`/simulator/api<path>`) as the demo admin, who may see every team; POSTs `body` when given. */
  simulatorApi(path: string, body?: unknown): Promise<Response>;
  /** A moveable clock for expiry tests; `frozenAt` stops it (for tests of time windows). */
  clock: { offsetMs: number; frozenAt?: number };
  /** The `ws://` url of a visitor's live widget socket, with a fresh ticket for their widget token. */
  widgetLiveUrl(inboxId: string, widgetToken: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real server on a loopback port with a fresh libSQL file seeded with the demo workspace. The
 * harness opts in to the demo's simulator (off by default on real servers): tests drive the
 * platform channels through it.
 */
export async function startTestServer(
  opts: {
    dir?: string;
    seed?: boolean;
    port?: number;
    socketPingMs?: number;
    simulator?: boolean;
    trustedProxies?: string[];
    instanceId?: string;
    leaseMs?: number;
  } & Pick<NodeServerOptions, "platformApiUrls" | "platformDownloadLimitBytes" | "roomKeepAliveMs" | "opsToken" | "sockets" | "widgetLimits" | "admission" | "demoTraffic" | "mail" | "aiAllowPrivateUrls" | "pushAllowLoopback" | "publicUrl"> = {},
): Promise<TestServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "inbox-test-"));
  const clock: TestServer["clock"] = { offsetMs: 0 };
  const server = await startNodeServer({
    dataDir: dir,
    databaseUrl: `file:${join(dir, "inbox.db")}`,
    port: opts.port ?? 0,
    host: "127.0.0.1",
    sessionTtlMs: 3600_000,
    secureCookies: "auto",
    seedPassword: opts.seed === false ? undefined : DEMO_PASSWORD,
    simulator: opts.simulator ?? true,
    trustedProxies: opts.trustedProxies,
    passwordParams: TEST_PASSWORD_PARAMS,
    roomIdleMs: 50,
    now: () => clock.frozenAt ?? Date.now() + clock.offsetMs,
    socketPingMs: opts.socketPingMs,
    roomKeepAliveMs: opts.roomKeepAliveMs,
    opsToken: opts.opsToken,
    platformApiUrls: opts.platformApiUrls,
    platformDownloadLimitBytes: opts.platformDownloadLimitBytes,
    sockets: opts.sockets,
    // Every test's visitors come from 127.0.0.1, and many tests start dozens of chats or write
    // hundreds of messages as one visitor: the rates are lifted unless a test sets them
    // (widget-limits.test.ts tests them).
    widgetLimits: { sessionsPerAddress: UNLIMITED, messagesPerVisitor: UNLIMITED, ...opts.widgetLimits },
    // Each test server is its own instance (two may share a folder, as two servers given their
    // own INSTANCE_ID would); a test of the restart takeback names the instance.
    instanceId: opts.instanceId ?? `test-${crypto.randomUUID()}`,
    leaseMs: opts.leaseMs,
    // The event loop of a test process on a loaded 2-core box is often late: tests opt in to
    // that gauge (overload.test.ts sets limits), others would see 503s that say nothing about them.
    admission: { eventLoopLagMs: Number.MAX_SAFE_INTEGER, ...opts.admission },
    demoTraffic: opts.demoTraffic,
    mail: opts.mail,
    aiAllowPrivateUrls: opts.aiAllowPrivateUrls,
    pushAllowLoopback: opts.pushAllowLoopback,
    publicUrl: opts.publicUrl,
  });
  const api: TestServer["api"] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    return fetch(server.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  const login: TestServer["login"] = async (email, password = DEMO_PASSWORD) => {
    const res = await api("/api/auth/login", { method: "POST", json: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  let admin: Promise<string> | undefined;
  return {
    ...server,
    dir,
    clock,
    api,
    login,
    async widgetLiveUrl(inboxId, widgetToken) {
      const res = await api(`/api/widget/${inboxId}/live-tickets`, { method: "POST", token: widgetToken });
      if (res.status !== 200) throw new Error(`live ticket refused: ${res.status} ${await res.text()}`);
      const { ticket } = (await res.json()) as { ticket: string };
      return `${server.url.replace("http", "ws")}/api/widget/${inboxId}/live?ticket=${encodeURIComponent(ticket)}`;
    },
    async simulatorApi(path, body) {
      const token = await (admin ??= login("admin@demo.inbox"));
      return api(`/simulator/api${path}`, body === undefined ? { token } : { method: "POST", token, json: body });
    },
    async stop() {
      await server.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill` that signs in as a non-browser client
 * does: a Bearer header, no Origin (session tokens are never accepted in URLs).
 */
export function bearerWebSocket(token: string): typeof globalThis.WebSocket {
  class BearerWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { authorization: `Bearer ${token}` } });
    }
  }
  return BearerWebSocket as unknown as typeof globalThis.WebSocket;
}

/** An agent's raw socket to `/sync/<room>`, signed in with a Bearer header. */
export function agentSocket(url: string, token: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return openSocket(url, { authorization: `Bearer ${token}`, ...headers });
}

/** Opens a raw socket and resolves once open, or rejects with the HTTP status of a refused upgrade. */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

/** Resolves with the probe's first truthy value, polling; rejects after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
