import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";

/**
 * Keyboard for a suggestion list shown while the caret stays in the composer's textarea:
 * ↑/↓ move, Enter or Tab choose (Enter does nothing while nothing matches), Esc closes. Listened for on the window in the capture phase,
 * so the textarea's own Enter (send) never sees a key the list used.
 */
export function createPickerKeys(opts: { count: Accessor<number>; onChoose(index: number): void; onClose(): void }): {
  active: Accessor<number>;
  setActive(index: number): void;
} {
  const [active, setActive] = createSignal(0);
  createEffect(() => {
    const n = opts.count();
    if (active() >= n) setActive(Math.max(0, n - 1));
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const n = opts.count();
    if (e.key === "Escape") {
      opts.onClose();
    } else if (n === 0) {
      // Enter on "@br" with no match would send the half-typed trigger as text: it is held
      // while the list says nothing matches (Esc closes the list, then Enter sends).
      if (e.key !== "Enter" || e.shiftKey) return;
    } else if (e.key === "ArrowDown") {
      setActive((i) => (i + 1) % n);
    } else if (e.key === "ArrowUp") {
      setActive((i) => (i - 1 + n) % n);
    } else if ((e.key === "Enter" && !e.shiftKey) || e.key === "Tab") {
      opts.onChoose(active());
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  window.addEventListener("keydown", onKey, true);
  onCleanup(() => window.removeEventListener("keydown", onKey, true));
  return { active, setActive };
}
