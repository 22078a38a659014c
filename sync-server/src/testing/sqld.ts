import { spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A real libSQL server (sqld) for tests: the Workers build reaches libSQL over Hrana/HTTP with
 * `@libsql/client/web`, and a file database does not exercise that path.
 */
export interface Sqld {
  /** http://127.0.0.1:<port> — what `@libsql/client/web` takes as its url. */
  url: string;
  /** A signed JWT when started with `auth: true`, otherwise undefined. */
  authToken: string | undefined;
  /** The server's process (the load test reads its CPU and memory). */
  pid: number;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const ENSURE = join(ROOT, "scripts/ensure-sqld.sh");

let cachedBinary: string | null | undefined;

/**
 * The sqld binary (fetched into node_modules/.cache/sqld on first use), or null with the reason
 * printed once if it is missing and cannot be fetched — callers then skip, saying so.
 */
export function sqldBinary(): string | null {
  if (cachedBinary !== undefined) return cachedBinary;
  const result = spawnSync("bash", [ENSURE], { encoding: "utf8" });
  const path = result.stdout.trim().split("\n").pop() ?? "";
  if (result.status === 0 && existsSync(path)) return (cachedBinary = path);
  console.warn(`sqld is not available, so the libSQL-server tests are skipped:\n${result.stderr}`);
  return (cachedBinary = null);
}

/** Starts sqld on a free loopback port over a fresh temporary directory. */
export async function startSqld(options: { auth?: boolean } = {}): Promise<Sqld> {
  const binary = sqldBinary();
  if (!binary) throw new Error("sqld is not available (see scripts/ensure-sqld.sh).");
  const dir = mkdtempSync(join(tmpdir(), "sqld-"));
  const port = await freePort();
  const env: Record<string, string> = { ...(process.env as Record<string, string>), RUST_LOG: "error" };
  let authToken: string | undefined;
  if (options.auth) {
    const keys = jwtKeys();
    env.SQLD_AUTH_JWT_KEY = keys.publicKey;
    authToken = keys.token;
  }
  const child = spawn(binary, ["--db-path", join(dir, "data.sqld"), "--http-listen-addr", `127.0.0.1:${port}`], {
    stdio: ["ignore", "ignore", "pipe"],
    env,
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off("exit", reap);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(url, exited);
  } catch (err) {
    await stop();
    throw new Error(`sqld did not start: ${(err as Error).message}\n${stderr}`);
  }
  return { url, authToken, pid: child.pid!, stop };
}

async function waitUntilHealthy(url: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (gone) throw new Error("the process exited");
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("no answer on /health");
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** An Ed25519 key pair as sqld wants it (raw public key, base64url) and a token signed with it. */
function jwtKeys(): { publicKey: string; token: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "EdDSA", typ: "JWT" })}.${part({ a: "rw" })}`;
  const signature = sign(null, Buffer.from(unsigned), privateKey).toString("base64url");
  return { publicKey: jwk.x!, token: `${unsigned}.${signature}` };
}
