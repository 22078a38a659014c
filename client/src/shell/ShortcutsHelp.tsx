/**
 * The keyboard shortcuts: the app-wide ones (help, next/previous conversation) and the panel
 * listing every shortcut, including the list's own keys. `?` opens it; so does the header's
 * button. A native modal dialog (ShortcutsDialog.tsx): focus stays inside and Escape closes it.
 * The dialog lives at the end of <body>, so the button may sit in the phone header's menu
 * (hidden while closed) and `?` still shows it. `named`: the button says its name (in that menu)
 * rather than "?".
 */
import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { Dynamic, Portal } from "solid-js/web";
import { useAppState } from "../app/index.ts";
import { neighbour } from "../shortcuts/keymap.ts";
import { installShortcutListener, useShortcuts } from "../shortcuts/registry.ts";
import { onDemand } from "../ui/on-demand.ts";
import { t } from "./messages.ts";

// The panel is a chunk of its own, not part of the inbox's first load (issue 17).
const panel = onDemand(() => import("./ShortcutsDialog.tsx"));

export function ShortcutsHelp(props: { named?: boolean }) {
  const { conversations, selection } = useAppState();
  const [open, setOpen] = createSignal(false);
  const show = () => {
    panel.load().catch((err: unknown) => console.warn("Could not load the shortcuts panel", err));
    setOpen(true);
  };

  const move = (step: 1 | -1) => {
    const order = conversations.visible().map((c) => c.id);
    const id = neighbour(order, selection.selectedId(), step);
    if (id) selection.select(id);
  };
  onMount(() => onCleanup(installShortcutListener()));
  useShortcuts({
    help: () => (open() ? setOpen(false) : show()),
    next: () => move(1),
    previous: () => move(-1),
  });

  return (
    <>
      <Show
        when={props.named}
        fallback={
          <button type="button" class="btn btn-ghost shortcuts-button" aria-haspopup="dialog" onClick={show}>
            <span aria-hidden="true">?</span>
            <span class="sr-only">{t("shortcutsTitle")}</span>
          </button>
        }
      >
        <button type="button" class="btn btn-ghost" aria-haspopup="dialog" onClick={show}>
          {t("shortcutsTitle")}
        </button>
      </Show>
      <Show when={open() && panel.ready()}>
        {(m) => (
          <Portal>
            <Dynamic component={m().ShortcutsDialog} onClose={() => setOpen(false)} />
          </Portal>
        )}
      </Show>
    </>
  );
}

/** Fetched once the list has drawn, so "?" (offline too) finds it. */
export function preloadShortcutsPanel(): void {
  panel.load().catch((err: unknown) => console.warn("Could not load the shortcuts panel", err));
}
