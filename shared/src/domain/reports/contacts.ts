import { dataString } from "./event-data.ts";
import type { ReportEvent } from "./types.ts";

/**
 * People behind contact ids. A merge says two contacts were always one person, so every merge
 * the record holds applies, even one recorded after the period: last month's figures then count
 * the person once (and the rollups re-roll the days the merged contact wrote on).
 */
export function personResolver(events: readonly ReportEvent[]): (contactId: string) => string {
  const keptFor = new Map<string, string>();
  for (const e of events) {
    if (e.type !== "contact.merged") continue;
    const kept = dataString(e, "keptId");
    const merged = dataString(e, "mergedId");
    if (kept && merged && kept !== merged) keptFor.set(merged, kept);
  }
  return (contactId) => {
    let id = contactId;
    // A merged contact can itself have been kept in an earlier merge: follow the chain, never round a loop.
    const seen = new Set<string>();
    while (keptFor.has(id) && !seen.has(id)) {
      seen.add(id);
      id = keptFor.get(id)!;
    }
    return id;
  };
}

/** When each person first wrote to the workspace (their earliest customer message in the record). */
export function firstMessages(events: readonly ReportEvent[], personOf: (contactId: string) => string): Map<string, number> {
  const first = new Map<string, number>();
  for (const e of events) {
    if (e.type !== "message.received" || e.actorKind !== "customer" || !e.actorId) continue;
    const person = personOf(e.actorId);
    const had = first.get(person);
    if (had === undefined || e.at < had) first.set(person, e.at);
  }
  return first;
}
