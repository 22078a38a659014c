import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("..", import.meta.url));

/** The PWA's source files, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** A change through the Dexie table (`db.conversations`, `localDb.conversations`, …), not a Set named so. */
const CHANGE = /\w*db\w*\.conversations\s*\.\s*(?:put|bulkPut|add|bulkAdd|delete|bulkDelete|clear|update|bulkUpdate|upsert)\s*\(|\w*db\w*\.conversations\s*\.\s*(?:where|toCollection|filter|orderBy)\([^;]*\.\s*(?:delete|modify)\s*\(/i;

describe("this page's conversation writes are known whole", () => {
  // The list's cache trusts a write this page noted to be all its transaction did to the
  // conversations table (even one Dexie describes as a range of keys): a change made without a
  // note would never reach the list.
  it("every change of the conversations table is noted with noteWrittenRows in the same transaction", () => {
    const found: string[] = [];
    const unnoted: string[] = [];
    for (const file of sources(SRC)) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (!CHANGE.test(line)) return;
        const at = `${relative(SRC, file)}:${i + 1}`;
        found.push(at);
        if (!lines.slice(i + 1, i + 3).some((l) => l.includes("noteWrittenRows("))) unnoted.push(`${at}: ${line.trim()}`);
      });
    }
    // The scan finds the writes it is for: the store's put and its two deletes.
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.every((at) => at.startsWith("local/store.ts:"))).toBe(true);
    expect(unnoted).toEqual([]);
  });
});
