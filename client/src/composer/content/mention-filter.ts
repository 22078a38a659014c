import { fold } from "./fold.ts";

/** Colleagues whose name (any word of it) starts with what follows `@`; first-name hits first. */
export function filterMentionable<U extends { id: string; name: string }>(users: readonly U[], query: string, limit = 8): U[] {
  const q = fold(query.trim());
  const first: U[] = [];
  const other: U[] = [];
  for (const u of users) {
    const words = fold(u.name).split(/\s+/);
    if (words[0]!.startsWith(q) || words.join("").startsWith(q.replace(/[._-]/g, ""))) first.push(u);
    else if (words.some((w) => w.startsWith(q))) other.push(u);
  }
  return [...first, ...other].slice(0, limit);
}
