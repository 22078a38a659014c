import { readdirSync, readFileSync } from "node:fs";
import pidusage from "pidusage";

/** The processes of a process group (Linux /proc): wrangler and the workerd it starts. */
export function processGroup(pgid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid pgrp …; comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export interface Usage {
  /** CPU time used so far, user + system, ms. */
  cpuMs: number;
  /** Resident memory, bytes. */
  rss: number;
}

/** Summed over `pids` (those that exited meanwhile count nothing). */
export async function usageOf(pids: readonly number[]): Promise<Usage> {
  let cpuMs = 0;
  let rss = 0;
  for (const pid of pids) {
    try {
      const s = await pidusage(pid);
      cpuMs += s.ctime;
      rss += s.memory;
    } catch {
      // gone
    }
  }
  return { cpuMs, rss };
}
