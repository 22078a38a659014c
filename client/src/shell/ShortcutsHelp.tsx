/**
 * The keyboard shortcuts: the app-wide ones (help, next/previous conversation) and the panel
 * listing every shortcut, including the list's own keys. `?` opens it; so does the header's
 * button. A native modal dialog: focus stays inside and Escape closes it. The dialog lives at the
 * end of <body>, so the button may sit in the phone header's menu (hidden while closed) and `?`
 * still shows it. `named`: the button says its name (in that menu) rather than "?".
 */
import { For, onCleanup, onMount, Show } from "solid-js";
import { Portal } from "solid-js/web";
import { useAppState } from "../app/index.ts";
import { neighbour, SHORTCUTS, type ShortcutAction } from "../shortcuts/keymap.ts";
import { installShortcutListener, useShortcuts } from "../shortcuts/registry.ts";
import { t, type ShellKey } from "./messages.ts";

const DESCRIPTION: Record<ShortcutAction, ShellKey> = {
  reply: "sc_reply",
  note: "sc_note",
  resolve: "sc_resolve",
  snooze: "sc_snooze",
  assignToMe: "sc_assign",
  priority: "sc_priority",
  next: "sc_next",
  previous: "sc_previous",
  help: "sc_help",
};

/** Keys the conversation list handles itself (see the list's keyboard navigation). */
const LIST_KEYS: { keys: string[]; description: ShellKey }[] = [
  { keys: ["↓", "↑", "j", "k"], description: "sc_listMove" },
  { keys: ["Enter"], description: "sc_listOpen" },
  { keys: ["Esc"], description: "sc_escape" },
];

export function ShortcutsHelp(props: { named?: boolean }) {
  const { conversations, selection } = useAppState();
  let dialog!: HTMLDialogElement;

  const move = (step: 1 | -1) => {
    const order = conversations.visible().map((c) => c.id);
    const id = neighbour(order, selection.selectedId(), step);
    if (id) selection.select(id);
  };
  onMount(() => onCleanup(installShortcutListener()));
  useShortcuts({
    help: () => (dialog.open ? dialog.close() : dialog.showModal()),
    next: () => move(1),
    previous: () => move(-1),
  });

  const rows = () => [
    ...SHORTCUTS.map((s) => ({ keys: [...s.keys], description: DESCRIPTION[s.action] })),
    ...LIST_KEYS,
  ];

  return (
    <>
      <Show
        when={props.named}
        fallback={
          <button type="button" class="btn btn-ghost shortcuts-button" aria-haspopup="dialog" onClick={() => dialog.showModal()}>
            <span aria-hidden="true">?</span>
            <span class="sr-only">{t("shortcutsTitle")}</span>
          </button>
        }
      >
        <button type="button" class="btn btn-ghost" aria-haspopup="dialog" onClick={() => dialog.showModal()}>
          {t("shortcutsTitle")}
        </button>
      </Show>
      <Portal>
        <dialog ref={dialog} class="shortcuts-dialog" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">{t("shortcutsTitle")}</h2>
          <p class="shortcuts-hint">{t("shortcutsHint")}</p>
          <table class="shortcuts-table">
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row">
                      <For each={row.keys}>
                        {(key, i) => (
                          <>
                            {i() > 0 ? <span class="shortcuts-or"> {t("or")} </span> : null}
                            <kbd>{key}</kbd>
                          </>
                        )}
                      </For>
                    </th>
                    <td>{t(row.description)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <form method="dialog">
            <button type="submit" class="btn">
              {t("shortcutsClose")}
            </button>
          </form>
        </dialog>
      </Portal>
    </>
  );
}
