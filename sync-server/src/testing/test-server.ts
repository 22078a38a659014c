import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { startNodeServer, type RunningServer } from "../node/server.ts";

export const DEMO_PASSWORD = "test-password-1";

export interface TestServer extends RunningServer {
  dir: string;
  /** Signs in and returns the session token (Bearer). */
  login(email: string, password?: string): Promise<string>;
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  /** A moveable clock for expiry tests. */
  clock: { offsetMs: number };
  stop(): Promise<void>;
}

/** A real server on a loopback port with a fresh libSQL file seeded with the demo workspace. */
export async function startTestServer(
  opts: { dir?: string; seed?: boolean; port?: number; socketPingMs?: number; instanceId?: string; leaseMs?: number } = {},
): Promise<TestServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "inbox-test-"));
  const clock = { offsetMs: 0 };
  const server = await startNodeServer({
    dataDir: dir,
    databaseUrl: `file:${join(dir, "inbox.db")}`,
    port: opts.port ?? 0,
    host: "127.0.0.1",
    sessionTtlMs: 3600_000,
    secureCookies: false,
    seedPassword: opts.seed === false ? undefined : DEMO_PASSWORD,
    roomIdleMs: 50,
    now: () => Date.now() + clock.offsetMs,
    socketPingMs: opts.socketPingMs,
    // Each test server is its own instance (two may share a folder, as two servers given their
    // own INSTANCE_ID would); a test of the restart takeback names the instance.
    instanceId: opts.instanceId ?? `test-${crypto.randomUUID()}`,
    leaseMs: opts.leaseMs,
  });
  const api: TestServer["api"] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    return fetch(server.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  return {
    ...server,
    dir,
    clock,
    api,
    async login(email, password = DEMO_PASSWORD) {
      const res = await api("/api/auth/login", { method: "POST", json: { email, password } });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async stop() {
      await server.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
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
