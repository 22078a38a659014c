/**
 * Suggestions for `@name` in a note: colleagues who can see this conversation (only they are
 * notified), without yourself. Works offline from the stored user list.
 */
import { canSeeTeam } from "@inbox/shared";
import { createMemo } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { Avatar } from "../../ui/Avatar.tsx";
import { filterMentionable } from "./mention-filter.ts";
import { t } from "./messages.ts";
import { PickerList } from "./PickerList.tsx";

export function MentionPicker(props: { query: string; onPick(user: { id: string; name: string }): void; onClose(): void }) {
  const { users, session, selection } = useAppState();
  const colleagues = createMemo(() => {
    const me = session.me()?.user.id;
    const teamId = selection.conversation()?.teamId;
    return users.all().filter((u) => u.id !== me && (!teamId || canSeeTeam(u, teamId)));
  });
  const matches = createMemo(() => filterMentionable(colleagues(), props.query));

  return (
    <PickerList
      kind="mention"
      label={t("mentionLabel")}
      items={matches()}
      empty={t("mentionEmpty", { query: props.query })}
      optionClass="content-picker-person"
      onPick={(u) => props.onPick({ id: u.id, name: u.name })}
      onClose={() => props.onClose()}
    >
      {(u) => (
        <>
          <Avatar name={u.name} size="sm" />
          <span class="content-picker-title">{u.name}</span>
        </>
      )}
    </PickerList>
  );
}
