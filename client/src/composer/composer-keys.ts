import type { Format } from "./markdown-lite.ts";

/** Enter sends, Shift+Enter (or Enter while an IME is composing a character) makes a new line. */
export function composerKeyAction(e: {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}): "send" | "default" {
  if (e.key !== "Enter" || e.isComposing) return "default";
  if (e.shiftKey || e.altKey) return "default";
  return "send";
}

/** Ctrl+B / Ctrl+I (Cmd on a Mac) format the selection; nothing else is taken from the browser. */
export function composerFormatKey(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean }): Format | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  const key = e.key.toLowerCase();
  if (key === "b") return "bold";
  if (key === "i") return "italic";
  return null;
}
