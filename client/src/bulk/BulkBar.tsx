/**
 * The bar over a list or queue once rows are picked: how many, clear, and the actions each role
 * may do on one chat, done on every picked chat (agents: assign to themselves, resolve, label,
 * priority, snooze; supervisors and admins also assign to anyone and transfer). Each action is
 * one outbox command per chat (run-bulk.ts); the summary shows in <BulkResults> when they land.
 */
import { can, type Priority } from "@inbox/shared";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useAppState } from "../app/index.ts";
import { snoozeOptions, type SnoozeChoice } from "../conversation/index.ts";
import { formatDateTime } from "../format/time.ts";
import { priorityWord } from "../format/status-words.ts";
import type { BulkAction, BulkTarget } from "../sync/bulk-ledger.ts";
import { AssignMenu } from "./AssignMenu.tsx";
import type { PickState } from "./create-picks.ts";
import { t } from "./messages.ts";
import { PickAllBox } from "./PickBox.tsx";
import { runBulk } from "./run-bulk.ts";

type Menu = "assign" | "transfer" | "label" | "priority" | "snooze";
const PRIORITIES: Priority[] = ["urgent", "high", "normal", "low"];
const SNOOZE_WORDS: Record<SnoozeChoice, Parameters<typeof t>[0]> = {
  hour: "snoozeHour",
  tonight: "snoozeTonight",
  tomorrow: "snoozeTomorrow",
  nextWeek: "snoozeNextWeek",
};

/** `pickAll: false`: the select-all box lives elsewhere (a table's header), and the bar shows only once rows are picked. */
export function BulkBar(props: { picks: PickState; targets: () => BulkTarget[]; pickAll?: boolean }) {
  const { session, local } = useAppState();
  const [menu, setMenu] = createSignal<Menu | null>(null);
  const [label, setLabel] = createSignal("");
  const me = () => session.me()?.user;
  const supervises = () => can(me(), "supervise");
  const toggle = (m: Menu) => setMenu(menu() === m ? null : m);
  // An opened menu takes the focus, so the keyboard carries on inside it (Escape closes it).
  const focusFirst = (el: HTMLElement) => queueMicrotask(() => el.querySelector<HTMLElement>("input:not(:disabled), button:not(:disabled)")?.focus());
  const run = async (action: BulkAction) => {
    const targets = props.targets();
    setMenu(null);
    props.picks.clear();
    await runBulk(local, action, targets);
  };
  const menuButton = (m: Menu, text: string) => (
    <button type="button" class="btn btn-ghost" aria-haspopup="dialog" aria-expanded={menu() === m} onClick={() => toggle(m)}>
      {text}
    </button>
  );
  return (
    <Show when={props.pickAll !== false || props.picks.count() > 0}>
      <div class="bulk-bar" role="toolbar" aria-label={t("bar")} onKeyDown={(e) => e.key === "Escape" && setMenu(null)}>
        <Show when={props.pickAll !== false}>
          <PickAllBox picks={props.picks} />
        </Show>
        <Show when={props.picks.count() > 0}>
          <span class="bulk-count" role="status">
            {t("picked", { count: props.picks.count() })}
          </span>
          <button type="button" class="btn btn-ghost" onClick={() => (props.picks.clear(), setMenu(null))}>
            {t("clear")}
          </button>
          <Show
            when={supervises()}
            fallback={
              <button type="button" class="btn btn-ghost" onClick={() => void run({ kind: "assign", assigneeId: me()!.id, assigneeName: me()!.name, override: false })}>
                {t("assignToMe")}
              </button>
            }
          >
            {menuButton("assign", t("assign"))}
            {menuButton("transfer", t("transfer"))}
          </Show>
          <button type="button" class="btn btn-ghost" onClick={() => void run({ kind: "resolve" })}>
            {t("resolve")}
          </button>
          {menuButton("label", t("label"))}
          {menuButton("priority", t("priority"))}
          {menuButton("snooze", t("snooze"))}
        </Show>
        <Show when={props.picks.count() > 0 && menu()}>
          <Switch>
            <Match when={menu() === "assign"}>
              <AssignMenu ref={focusFirst} targets={props.targets()} onChoose={(a) => void run(a)} onCancel={() => setMenu(null)} />
            </Match>
            <Match when={menu() === "transfer"}>
              <div ref={focusFirst} class="bulk-menu" role="dialog" aria-label={t("transferTo")}>
                <For each={(session.me()?.teams ?? []).filter((team) => props.targets().some((c) => c.teamId !== team.id))}>
                  {(team) => (
                    <button type="button" class="btn btn-ghost" onClick={() => void run({ kind: "transfer", teamId: team.id, teamName: team.name })}>
                      {team.name}
                    </button>
                  )}
                </For>
              </div>
            </Match>
            <Match when={menu() === "label"}>
              <form
                ref={focusFirst}
                class="bulk-menu"
                role="dialog"
                aria-label={t("addLabel")}
                onSubmit={(e) => {
                  e.preventDefault();
                  const value = label().trim();
                  if (!value) return;
                  setLabel("");
                  void run({ kind: "label", label: value });
                }}
              >
                <input aria-label={t("labelName")} maxLength={40} value={label()} onInput={(e) => setLabel(e.currentTarget.value)} />
                <button type="submit" class="btn btn-primary" disabled={!label().trim()}>
                  {t("addLabel")}
                </button>
              </form>
            </Match>
            <Match when={menu() === "priority"}>
              <div ref={focusFirst} class="bulk-menu" role="dialog" aria-label={t("priority")}>
                <For each={PRIORITIES}>
                  {(p) => (
                    <button type="button" class="btn btn-ghost" onClick={() => void run({ kind: "priority", priority: p })}>
                      {priorityWord(p)}
                    </button>
                  )}
                </For>
              </div>
            </Match>
            <Match when={menu() === "snooze"}>
              <div ref={focusFirst} class="bulk-menu" role="dialog" aria-label={t("snooze")}>
                <For each={snoozeOptions(Date.now())}>
                  {(o) => (
                    <button type="button" class="btn btn-ghost" onClick={() => void run({ kind: "snooze", until: o.until })}>
                      {t(SNOOZE_WORDS[o.choice])} <span class="bulk-muted">{formatDateTime(o.until)}</span>
                    </button>
                  )}
                </For>
              </div>
            </Match>
          </Switch>
        </Show>
      </div>
    </Show>
  );
}
