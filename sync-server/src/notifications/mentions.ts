/**
 * Who an `@Name` in a note means. Agents write the way they speak: `@Ana`, `@ana`, `@Sam`,
 * `@AnaSouza`, `@ana.souza`, `@joão`; accents and case do not matter. A token means a user when
 * it is their whole name (spaces dropped or written as `.`, `_` or `-`), or their first name
 * when no other candidate has that first name (an ambiguous `@Ana` notifies nobody rather
 * than the wrong person).
 */
import { foldText } from "@inbox/shared/api/content";

export interface MentionCandidate {
  id: string;
  name: string;
}

/** The `@tokens` of a text, without trailing punctuation (`@Ana.` at a sentence's end). */
export function mentionTokens(text: string): string[] {
  const tokens = [...text.matchAll(/(?:^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}._-]+)/gu)].map((m) => m[1]!.replace(/[._-]+$/, ""));
  return [...new Set(tokens.filter(Boolean))];
}

export function mentionedUsers<U extends MentionCandidate>(text: string, candidates: readonly U[]): U[] {
  const tokens = mentionTokens(text).map(foldText);
  if (!tokens.length) return [];
  const fullNames = new Map<string, U>();
  const firstNames = new Map<string, U[]>();
  for (const u of candidates) {
    const parts = foldText(u.name).split(/\s+/).filter(Boolean);
    for (const sep of ["", ".", "_", "-"]) fullNames.set(parts.join(sep), u);
    const first = parts[0];
    if (first) firstNames.set(first, [...(firstNames.get(first) ?? []), u]);
  }
  const found = new Map<string, U>();
  for (const token of tokens) {
    const byFirst = firstNames.get(token);
    const user = fullNames.get(token) ?? (byFirst?.length === 1 ? byFirst[0] : undefined);
    if (user) found.set(user.id, user);
  }
  return [...found.values()];
}
