/**
 * Choosing whom to give the picked chats to: the people of the teams the supervisor oversees,
 * each with their load against capacity. Giving someone more than they have room for needs an
 * explicit "assign anyway" (the server checks capacity again per chat when the change lands).
 */
import { canSeeTeam } from "@inbox/shared";
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { api } from "../api/endpoints.ts";
import { useAppState } from "../app/index.ts";
import type { BulkAction, BulkTarget } from "../sync/bulk-ledger.ts";
import { t } from "./messages.ts";

export function AssignMenu(props: { targets: readonly BulkTarget[]; ref?: (el: HTMLElement) => void; onChoose(action: BulkAction): void; onCancel(): void }) {
  const { users, session } = useAppState();
  const [loads] = createResource(() => api.assigneeLoads().then((r) => r.loads));
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [override, setOverride] = createSignal(false);
  const people = createMemo(() => {
    const byId = new Map(users.all().map((u) => [u.id, u]));
    const me = session.me()?.user;
    // Offline the loads cannot be fetched: the people of the caller's teams (kept on this device)
    // are offered without them, and the server checks capacity per chat when the change lands.
    const known: { userId: string; load: number | null; capacity: number }[] = loads.error
      ? users.all().filter((u) => me && u.teamIds.some((team) => canSeeTeam(me, team))).map((u) => ({ userId: u.id, load: null, capacity: u.maxConcurrentChats }))
      : (loads() ?? []);
    return known
      .flatMap((l) => {
        const user = byId.get(l.userId);
        return user ? [{ ...l, user }] : [];
      })
      .filter((p) => props.targets.some((target) => canSeeTeam(p.user, target.teamId)))
      .sort((a, b) => a.user.name.localeCompare(b.user.name));
  });
  const person = () => people().find((p) => p.userId === chosen());
  /** Chats they would hold after this (those already theirs do not count twice). */
  const after = () => {
    const p = person();
    return p && p.load !== null ? p.load + props.targets.filter((t) => t.assigneeId !== p.userId).length : 0;
  };
  // Taking chats yourself is never limited by capacity (the server's rule too).
  const over = () => {
    const p = person();
    return p !== undefined && p.load !== null && p.userId !== session.me()?.user.id && after() > p.capacity;
  };
  return (
    <form
      ref={(el) => props.ref?.(el)}
      class="bulk-menu"
      role="dialog"
      aria-label={t("assignTo")}
      onSubmit={(e) => {
        e.preventDefault();
        const p = person();
        if (!p || (over() && !override())) return;
        props.onChoose({ kind: "assign", assigneeId: p.userId, assigneeName: p.user.name, override: over() && override() });
      }}
    >
      <Show when={!loads.error} fallback={<p class="bulk-note">{t("loadsOffline")}</p>}>
        <Show when={loads.state === "ready" && people().length === 0}>
          <p class="bulk-note">{t("noAgents")}</p>
        </Show>
      </Show>
      <fieldset class="bulk-people">
        <legend class="sr-only">{t("assignTo")}</legend>
        <For each={people()}>
          {(p) => (
            <label class="bulk-person" classList={{ "bulk-person-full": p.load !== null && p.load >= p.capacity }}>
              <input
                type="radio"
                name="assignee"
                value={p.userId}
                checked={chosen() === p.userId}
                onChange={() => {
                  setChosen(p.userId);
                  setOverride(false);
                }}
              />
              <span class="bulk-person-name">{p.user.name}</span>
              <Show when={p.load !== null}>
                <span class="bulk-person-load">
                  {t("load", { load: p.load!, capacity: p.capacity })}
                  <Show when={p.load! >= p.capacity}> · {t("full")}</Show>
                </span>
              </Show>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={over()}>
        <p class="bulk-warning" role="alert">
          {t("overBy", { count: props.targets.length, name: person()!.user.name, load: after(), capacity: person()!.capacity })}
        </p>
        <label class="bulk-override">
          <input type="checkbox" checked={override()} onChange={(e) => setOverride(e.currentTarget.checked)} /> {t("override")}
        </label>
      </Show>
      <div class="bulk-menu-actions">
        <button type="submit" class="btn btn-primary" disabled={!person() || (over() && !override())}>
          {t("assign")}
        </button>
        <button type="button" class="btn btn-ghost" onClick={() => props.onCancel()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
