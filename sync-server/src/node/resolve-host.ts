import { lookup } from "node:dns/promises";

/**
 * Every address a host name resolves to, for the platform fetch guard (a public name that
 * points at this machine or its network is refused). The connection resolves again, so a
 * name whose answers change within seconds is not fully covered; platforms' hosts do not.
 */
export async function resolveHost(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
}
