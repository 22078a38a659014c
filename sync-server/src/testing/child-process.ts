import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface Child<T> {
  info: T;
  /** Asks the process to shut down cleanly. */
  stop(): Promise<void>;
  /** Kills it on the spot (SIGKILL), as a crash or power cut would. */
  kill(): Promise<void>;
  /** Sends a signal it answers without exiting (e.g. SIGUSR2: write what it traced). */
  notify(sig: NodeJS.Signals): void;
}

/** Starts an entry file in its own Node process (via tsx) and reads the JSON line it prints. */
export async function startChild<T>(script: URL, env: Record<string, string> = {}): Promise<Child<T>> {
  const file = fileURLToPath(script);
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=" + process.env.BENCH_PROFILE] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "--import", "tsx", file], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  // Never outlive the parent: an orphaned server would keep its port and pipes open.
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  child.once("exit", () => process.off("exit", reap));
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<T>((resolve, reject) => {
    lines.once("line", (line) => resolve(JSON.parse(line) as T));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const signal = (sig: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(sig);
    });
  return { info, stop: () => signal("SIGTERM"), kill: () => signal("SIGKILL"), notify: (sig) => void child.kill(sig) };
}
