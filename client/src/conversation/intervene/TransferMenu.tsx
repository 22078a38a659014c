/**
 * "Transfer…" for supervisors and admins: move the chat to another team they lead (admins: any
 * team), with an optional reason kept in the history and told to the agent who had it. The chat
 * waits unassigned in that team's queue. Moving between inboxes is not offered: an inbox is the
 * customer's channel, and a reply must go out where they wrote.
 */
import type { Conversation } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { HeaderPopover } from "./HeaderPopover.tsx";
import { t } from "./messages.ts";

export function TransferMenu(props: { conversation: Conversation }) {
  return (
    <HeaderPopover label={t("transfer")} title={t("transferTitle")}>
      {(close) => <TransferPanel conversation={props.conversation} close={close} />}
    </HeaderPopover>
  );
}

function TransferPanel(props: { conversation: Conversation; close(): void }) {
  const { session, selection } = useAppState();
  const [problem, setProblem] = createSignal<string | null>(null);
  const teams = () => (session.me()?.teams ?? []).filter((team) => team.id !== props.conversation.teamId);
  let teamSelect!: HTMLSelectElement;
  let reasonInput!: HTMLInputElement;
  return (
    <Show when={teams().length > 0} fallback={<p class="muted">{t("noOtherTeam")}</p>}>
      <form
        class="intervene-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!teamSelect.value) {
            setProblem(t("chooseTeam"));
            return;
          }
          await selection.transfer(teamSelect.value, reasonInput.value);
          props.close();
        }}
      >
        <label class="intervene-reason">
          <span>{t("team")}</span>
          <select ref={teamSelect} class="select" onChange={() => setProblem(null)}>
            <option value="">{t("chooseTeam")}</option>
            <For each={teams()}>{(team) => <option value={team.id}>{team.name}</option>}</For>
          </select>
        </label>
        <p class="muted">{t("transferHint")}</p>
        <label class="intervene-reason">
          <span>{t("reason")}</span>
          <input ref={reasonInput} type="text" maxLength={500} placeholder={t("reasonPlaceholder")} />
        </label>
        <Show when={problem()}>
          <p class="form-error" role="alert">
            {problem()}
          </p>
        </Show>
        <div class="intervene-buttons">
          <button type="submit" class="btn btn-primary">
            {t("transferButton")}
          </button>
          <button type="button" class="btn btn-ghost" onClick={() => props.close()}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </Show>
  );
}
