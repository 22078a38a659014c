/**
 * The keyboard shortcuts for the common actions, as one pure table: which key does what, and
 * the rule that none fires while the agent types (an input, a textarea, a select, anything
 * contenteditable) or with Ctrl/Cmd held (the browser's own shortcuts stay the browser's).
 */
export type ShortcutAction = "reply" | "note" | "resolve" | "snooze" | "assignToMe" | "priority" | "next" | "previous" | "help";

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
  /** Already handled (e.g. the list's own j/k, a menu's Escape). */
  defaultPrevented?: boolean;
  isComposing?: boolean;
}

/** Keys as the help panel shows them, in its order. */
export const SHORTCUTS: readonly { action: ShortcutAction; keys: readonly string[] }[] = [
  { action: "reply", keys: ["r"] },
  { action: "note", keys: ["n"] },
  { action: "resolve", keys: ["e"] },
  { action: "snooze", keys: ["s"] },
  { action: "assignToMe", keys: ["a"] },
  { action: "priority", keys: ["p"] },
  { action: "next", keys: ["Alt+↓"] },
  { action: "previous", keys: ["Alt+↑"] },
  { action: "help", keys: ["?"] },
];

const PLAIN: Record<string, ShortcutAction> = { r: "reply", n: "note", e: "resolve", s: "snooze", a: "assignToMe", p: "priority", "?": "help" };

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return null;
  if (e.altKey) {
    if (e.key === "ArrowDown") return "next";
    if (e.key === "ArrowUp") return "previous";
    return null;
  }
  return PLAIN[e.key] ?? null;
}

/** Where a key press is text: shortcuts stay out of the way there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Partial<HTMLElement>).tagName !== "string") return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return false;
  const type = ((el as HTMLInputElement).type || "text").toLowerCase();
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"].includes(type);
}

/** The id after (or before) `current` in the list's visible order; the first one when none is open. */
export function neighbour(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return step === 1 ? order[0]! : order[order.length - 1]!;
  return order[at + step] ?? null;
}
