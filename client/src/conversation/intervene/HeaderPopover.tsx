/**
 * A header button with its panel (a small non-modal dialog): opens below the button, closes on
 * Escape, on a click elsewhere, or when its content says it is done. Focus goes into the panel
 * on open and back to the button on close.
 */
import { createSignal, onCleanup, Show, type JSX } from "solid-js";

export function HeaderPopover(props: { label: string; title: string; children: (close: () => void) => JSX.Element; onOpen?: () => void }) {
  const [open, setOpen] = createSignal(false);
  let button!: HTMLButtonElement;
  let panel: HTMLDivElement | undefined;
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.focus();
  };
  const show = () => {
    props.onOpen?.();
    setOpen(true);
    queueMicrotask(() => panel?.querySelector<HTMLElement>("input, select, textarea, button")?.focus());
  };
  const onDocumentClick = (e: MouseEvent) => {
    const target = e.target as Node;
    if (open() && target.isConnected && !panel?.contains(target) && !button.contains(target)) close(false);
  };
  document.addEventListener("click", onDocumentClick);
  onCleanup(() => document.removeEventListener("click", onDocumentClick));
  return (
    <div class="intervene">
      <button ref={button} type="button" class="btn" aria-haspopup="dialog" aria-expanded={open()} onClick={() => (open() ? close() : show())}>
        {props.label}
      </button>
      <Show when={open()}>
        <div
          ref={panel}
          class="intervene-panel"
          role="dialog"
          aria-label={props.title}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            e.preventDefault();
            e.stopPropagation();
            close();
          }}
        >
          {props.children(() => close())}
        </div>
      </Show>
    </div>
  );
}
