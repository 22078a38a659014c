import * as Y from "yjs";
import { WORK_DRAFT, WORK_LABELS, WORK_NOTES } from "@inbox/shared";

/** What one work room may hold (the client stays well inside: labels are cut to 40 characters). */
export const WORK_LIMITS = {
  /** Characters of one label. */
  labelChars: 40,
  /** Labels on one conversation. */
  labels: 30,
  /** Characters of the shared reply draft (a reply is at most 4,096; room for pasting and trimming). */
  draftChars: 20_000,
  /** Characters of a map key (a note id or a label). */
  keyChars: 128,
  /** Characters of one map value as JSON (a note of 8,000 characters and its fields). */
  valueChars: 24_000,
} as const;

const WORK_TYPES: ReadonlySet<string> = new Set([WORK_NOTES, WORK_LABELS, WORK_DRAFT]);
const SHAPE = "A conversation's work document holds only notes, labels and the reply draft.";

/**
 * Looks at an agent's update to a work room before it is applied, so an oversized or foreign
 * value never enters the document or its persisted log: only the three known types, plain
 * values (no nested types, formatting or binaries), keys and values within bounds. Checks what
 * each struct carries; totals that depend on the document (label count, draft length) are
 * checked once applied (work-room.ts). Items that continue an existing one (typing in the middle
 * of the draft, setting a label again) inherit its parent, which was checked when it was made.
 */
export function guardWorkUpdate(update: Uint8Array): string | null {
  let structs: ReturnType<typeof Y.decodeUpdate>["structs"];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return "That change could not be read.";
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === "string" && !WORK_TYPES.has(struct.parent)) return SHAPE;
    if (struct.parentSub !== null && struct.parentSub.length > WORK_LIMITS.keyChars) return "That label or note id is too long.";
    const content = struct.content;
    if (content instanceof Y.ContentString) {
      if (content.str.length > WORK_LIMITS.draftChars) return `The draft may hold at most ${WORK_LIMITS.draftChars} characters.`;
    } else if (content instanceof Y.ContentAny) {
      if (content.arr.some((value) => (JSON.stringify(value) ?? "").length > WORK_LIMITS.valueChars)) return "That note is too long.";
    } else if (!(content instanceof Y.ContentDeleted)) {
      return SHAPE;
    }
  }
  return null;
}
