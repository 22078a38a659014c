import { readdirSync, readFileSync } from "node:fs";

// CPU time the bench's own child processes used (Linux /proc), by role: unlike wall time, it
// does not grow when the shared machine is busy, so it says what each part costs per message.

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
  /** utime + stime, in ms. */
  cpuMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * The fields of /proc/<pid>/stat after the command name (state, ppid, pgrp, … utime at [11],
 * stime at [12]); null when the process is gone. The name may hold spaces and parentheses, so
 * the fields start after the last ")".
 */
export function procStatFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function read(pid: number): Proc | null {
  try {
    const fields = procStatFields(pid);
    if (!fields) return null;
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    return { pid, ppid: Number(fields[1]), cmd, cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null; // gone meanwhile
  }
}

/** Every process under this one (children, their children, …). */
function descendants(): Proc[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => read(Number(d)))
    .filter((p): p is Proc => p !== null);
  const mine = new Set([process.pid]);
  const found: Proc[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/** CPU ms so far of this process's descendants, summed by the role `classify` gives each (null: not counted). */
export function cpuByRole(classify: (cmd: string) => string | null): Map<string, number> {
  const roles = new Map<string, number>();
  for (const p of descendants()) {
    const role = classify(p.cmd);
    if (role) roles.set(role, (roles.get(role) ?? 0) + p.cpuMs);
  }
  return roles;
}

/** What each role used between two readings. */
export function cpuSince(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([role, ms]) => [role, ms - (before.get(role) ?? 0)]));
}
