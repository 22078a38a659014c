/** Reading a work document's labels and notes as plain values. Pure, unit-tested. */
import type { Note } from "@inbox/shared";
import type * as Y from "yjs";

/** Labels set to true, alphabetically (a label removed is deleted, or set false by older clients). */
export function readLabels(map: Y.Map<unknown>): string[] {
  const out: string[] = [];
  map.forEach((value, key) => {
    if (value === true) out.push(key);
  });
  return out.sort((a, b) => a.localeCompare(b));
}

/** A label as agents type it: trimmed, inner spaces collapsed, at most 40 characters. */
export function normalizeLabel(input: string): string {
  return input.trim().replace(/\s+/g, " ").slice(0, 40);
}

export function notesInOrder(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
