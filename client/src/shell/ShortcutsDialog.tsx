/** The keyboard shortcuts panel (ShortcutsHelp.tsx opens it): every shortcut, the list's own keys too. */
import { For, onMount } from "solid-js";
import { SHORTCUTS, type ShortcutAction } from "../shortcuts/keymap.ts";
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

export function ShortcutsDialog(props: { onClose(): void }) {
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());
  const rows = () => [
    ...SHORTCUTS.map((s) => ({ keys: [...s.keys], description: DESCRIPTION[s.action] })),
    ...LIST_KEYS,
  ];

  return (
    <dialog ref={dialog} class="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={() => props.onClose()}>
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
  );
}
