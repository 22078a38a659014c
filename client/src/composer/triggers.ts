/**
 * Where the caret is in a `/shortcut` (canned responses) or an `@name` (mentions, notes only):
 * the word the caret ends, when it starts with the trigger at the start of a word. Pure, so
 * the picker opens and closes by the same rules everywhere.
 */

export interface Trigger {
  kind: "canned" | "mention";
  /** What follows the trigger character, up to the caret. */
  query: string;
  /** The trigger character's index; the pick replaces [start, end). */
  start: number;
  end: number;
}

/** Longest query we look back for: past that the agent is writing, not picking. */
const MAX_QUERY = 40;

export function activeTrigger(text: string, caret: number, opts: { mentions: boolean }): Trigger | null {
  if (caret < 1 || caret > text.length) return null;
  let i = caret - 1;
  while (i >= 0 && caret - i <= MAX_QUERY + 1) {
    const ch = text[i]!;
    if (/\s/.test(ch)) return null;
    if (ch === "/" || (ch === "@" && opts.mentions)) {
      // Only at the start of a word: "a/b" and "ana@example.com" are not triggers.
      if (i > 0 && !/\s/.test(text[i - 1]!)) return null;
      const query = text.slice(i + 1, caret);
      if (/[/@]/.test(query)) return null;
      return { kind: ch === "/" ? "canned" : "mention", query, start: i, end: caret };
    }
    i--;
  }
  return null;
}

/** The edit that replaces the trigger and its query with what was picked. */
export function replaceTrigger(trigger: Trigger, insert: string): { index: number; remove: number; insert: string; caret: number } {
  return { index: trigger.start, remove: trigger.end - trigger.start, insert, caret: trigger.start + insert.length };
}

/** What a picked colleague becomes in a note. */
export function mentionText(name: string): string {
  return `@${name} `;
}
