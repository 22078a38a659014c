/**
 * How parts of the screen outside the composer put text into the reply being written (a
 * suggested canned response, an AI rewrite the agent accepted). The mounted reply box registers
 * itself for its conversation; a caller asks by conversation id and is told whether a box took
 * it. Edits go through the box's own `edit`, so they land in the shared draft (every agent on
 * the chat sees them) and the caret follows.
 */
export interface DraftTarget {
  /** The draft's text as it is now. */
  text(): string;
  /** Inserts at the caret (or replaces the selection), then focuses the box. */
  insert(text: string): void;
  /** Replaces the whole draft, then focuses the box. */
  replace(text: string): void;
}

const targets = new Map<string, DraftTarget>();

/** Called by the reply box while mounted; returns how to unregister. */
export function registerDraft(conversationId: string, target: DraftTarget): () => void {
  targets.set(conversationId, target);
  return () => {
    if (targets.get(conversationId) === target) targets.delete(conversationId);
  };
}

/** The open reply box of a conversation, or null when none is mounted (a note is being written, or the chat is closed). */
export function draftOf(conversationId: string): DraftTarget | null {
  return targets.get(conversationId) ?? null;
}
