/**
 * One keydown listener for the whole app, and layers of handlers: the open conversation's
 * header registers resolve, snooze and the rest while it is on screen; the app registers help
 * and next/previous. The latest layer that handles an action wins.
 */
import { onCleanup } from "solid-js";
import { shortcutFor, type ShortcutAction } from "./keymap.ts";

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

const layers: ShortcutHandlers[] = [];

/** Handles these shortcuts while the calling component is mounted. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  layers.push(handlers);
  onCleanup(() => {
    const at = layers.lastIndexOf(handlers);
    if (at >= 0) layers.splice(at, 1);
  });
}

/** Listens on the document; returns the function that stops listening. */
export function installShortcutListener(target: Document = document): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    const action = shortcutFor(e);
    if (!action) return;
    // Behind an open modal (the help panel) only its own key works.
    if (action !== "help" && target.querySelector("dialog[open]")) return;
    for (let i = layers.length - 1; i >= 0; i--) {
      const handle = layers[i]![action];
      if (!handle) continue;
      e.preventDefault();
      handle();
      return;
    }
  };
  target.addEventListener("keydown", onKeyDown);
  return () => target.removeEventListener("keydown", onKeyDown);
}
