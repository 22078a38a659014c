import { readdirSync, readFileSync } from "node:fs";
import pidusage from "pidusage";
import { procStatFields } from "../bench/process-cpu.ts";

/** The processes of a process group (Linux /proc): wrangler and the workerd it starts. */
export function processGroup(pgid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStatFields(Number(entry));
    if (fields && Number(fields[2]) === pgid) out.push(Number(entry));
  }
  return out;
}

export interface Usage {
  /** CPU time used so far, user + system, ms. */
  cpuMs: number;
  /** Resident memory, bytes. */
  rss: number;
  /**
   * Time the processes' main threads spent ready to run but waiting for a CPU, ms so far
   * (/proc/<pid>/schedstat): on a shared machine, how much of a delay was other people's load.
   */
  runQueueMs: number;
}

function runQueueMsOf(pid: number): number {
  try {
    // on-CPU ns, waiting-on-runqueue ns, timeslices
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
  } catch {
    return 0;
  }
}

/** Summed over `pids` (those that exited meanwhile count nothing). */
export async function usageOf(pids: readonly number[]): Promise<Usage> {
  let cpuMs = 0;
  let rss = 0;
  let runQueueMs = 0;
  for (const pid of pids) {
    runQueueMs += runQueueMsOf(pid);
    try {
      const s = await pidusage(pid);
      cpuMs += s.ctime;
      rss += s.memory;
    } catch {
      // gone
    }
  }
  return { cpuMs, rss, runQueueMs };
}
