/**
 * Suggestions for `@name` in a note: colleagues who can see this conversation (only they are
 * notified), without yourself. Works offline from the stored user list.
 */
import { canSeeTeam } from "@inbox/shared";
import { createMemo, For, Show } from "solid-js";
import { useAppState } from "../../../state/app-state.tsx";
import { Avatar } from "../../Avatar.tsx";
import { filterMentionable } from "./mention-filter.ts";
import { t } from "./messages.ts";
import { createPickerKeys } from "./picker-keys.ts";

export function MentionPicker(props: { query: string; onPick(user: { id: string; name: string }): void; onClose(): void }) {
  const { users, session, selection } = useAppState();
  const colleagues = createMemo(() => {
    const me = session.me()?.user.id;
    const teamId = selection.conversation()?.teamId;
    return users.all().filter((u) => u.id !== me && (!teamId || canSeeTeam(u, teamId)));
  });
  const matches = createMemo(() => filterMentionable(colleagues(), props.query));
  const pick = (u: { id: string; name: string } | undefined) => u && props.onPick({ id: u.id, name: u.name });
  const keys = createPickerKeys({ count: () => matches().length, onChoose: (i) => pick(matches()[i]), onClose: () => props.onClose() });

  return (
    <div class="content-picker" data-picker="mention">
      <Show when={matches().length > 0} fallback={<p class="content-picker-empty" role="status">{t("mentionEmpty", { query: props.query })}</p>}>
        <ul class="content-picker-list" role="listbox" aria-label={t("mentionLabel")}>
          <For each={matches()}>
            {(u, i) => (
              <li
                role="option"
                class="content-picker-option content-picker-person"
                aria-selected={keys.active() === i()}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(u);
                }}
                onMouseEnter={() => keys.setActive(i())}
              >
                <Avatar name={u.name} size="sm" />
                <span class="content-picker-title">{u.name}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="content-picker-hint">{t("pickerHint")}</p>
      </Show>
    </div>
  );
}
