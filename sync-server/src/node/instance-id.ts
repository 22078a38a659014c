import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * This server's instance name, the same across its restarts: INSTANCE_ID when set, otherwise a
 * name generated on first start into the data folder. A restart uses it to take back the work
 * its killed predecessor had claimed. Two servers sharing one data folder must each be given
 * their own INSTANCE_ID.
 */
export function loadInstanceId(envValue: string | undefined, idFile: string): string {
  if (envValue) return envValue;
  if (existsSync(idFile)) return readFileSync(idFile, "utf8").trim();
  mkdirSync(dirname(idFile), { recursive: true });
  const id = `node-${crypto.randomUUID()}`;
  writeFileSync(idFile, id);
  return id;
}
