import type { CannedResponse } from "@inbox/shared/api/content";
import { fold } from "./fold.ts";

/**
 * The canned responses matching what follows `/`: shortcuts starting with it first (the agent
 * knows the shortcut), then ones whose shortcut or title contains it, each group by shortcut.
 */
export function filterCanned(list: readonly CannedResponse[], query: string, limit = 8): CannedResponse[] {
  const q = fold(query.trim());
  const starts: CannedResponse[] = [];
  const contains: CannedResponse[] = [];
  for (const c of list) {
    if (c.shortcut.startsWith(q)) starts.push(c);
    else if (c.shortcut.includes(q) || fold(c.title).includes(q)) contains.push(c);
  }
  const byShortcut = (a: CannedResponse, b: CannedResponse) => a.shortcut.localeCompare(b.shortcut);
  return [...starts.sort(byShortcut), ...contains.sort(byShortcut)].slice(0, limit);
}
