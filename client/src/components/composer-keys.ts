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
