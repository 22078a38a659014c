/**
 * The agent's saved views in the list's header: one toggle per view (pressed while the list
 * shows exactly that view; its badge counts conversations with something unread), "Save view"
 * for the current filters and sort, and rename / delete for the view in force.
 * Changing views needs the server; applying them works offline.
 */
import { sameView, type ListView, type SavedView } from "@inbox/shared/domain/list-view";
import { createSignal, For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { ListViewsSlice } from "./saved-views.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { onDemand } from "../ui/on-demand.ts";
import { t } from "./messages.ts";

type Editing = { mode: "create" } | { mode: "rename"; view: SavedView } | null;

// The naming form is a chunk of its own, not part of the inbox's first load (issue 17).
const form = onDemand(() => import("./SavedViewForm.tsx"));

export function SavedViews(props: {
  slice: ListViewsSlice;
  current: ListView;
  online: boolean;
  unreadFor: (view: ListView) => number;
  onApply: (view: ListView) => void;
}) {
  const [editing, setEditing] = createSignal<Editing>(null);
  const [name, setName] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const active = () => props.slice.views().find((v) => sameView(v.view, props.current)) ?? null;

  const start = (next: Exclude<Editing, null>) => {
    form.load().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    setEditing(next);
    setName(next.mode === "rename" ? next.view.name : "");
    setError(null);
  };
  const run = async (work: () => Promise<unknown>) => {
    if (!props.online) {
      setError(t("viewsOffline"));
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const edit = editing();
    if (!edit) return;
    const ok = await run(() => (edit.mode === "create" ? props.slice.create(name(), props.current) : props.slice.rename(edit.view.id, name())));
    if (ok) setEditing(null);
  };

  return (
    <div class="list-views">
      <div class="list-views-row" role="group" aria-label={t("views")}>
        <For each={props.slice.views()}>
          {(view) => {
            const unread = () => props.unreadFor(view.view);
            return (
              <button
                type="button"
                class="list-view"
                aria-pressed={sameView(view.view, props.current)}
                aria-describedby={`list-view-unread-${view.id}`}
                onClick={() => props.onApply(view.view)}
              >
                {view.name}
                <Show when={unread() > 0}>
                  <span class="filter-unread" aria-hidden="true">
                    {unread()}
                  </span>
                </Show>
                <span id={`list-view-unread-${view.id}`} hidden>
                  {unread() > 0 ? t("viewUnread", { count: unread() }) : ""}
                </span>
              </button>
            );
          }}
        </For>
        <button type="button" class="list-view list-view-add" title={t("saveViewTitle")} onClick={() => start({ mode: "create" })}>
          + {t("saveView")}
        </button>
        <Show when={active()}>
          {(view) => (
            <>
              <button type="button" class="list-view-action" aria-label={t("renameView", { name: view().name })} onClick={() => start({ mode: "rename", view: view() })}>
                {t("rename")}
              </button>
              <button
                type="button"
                class="list-view-action"
                aria-label={t("deleteView", { name: view().name })}
                disabled={busy()}
                onClick={() => void run(() => props.slice.remove(view().id))}
              >
                ×
              </button>
            </>
          )}
        </Show>
      </div>
      <Show when={editing()}>
        {(edit) => (
          <Show when={form.ready()}>
            {(m) => (
              <Dynamic
                component={m().SavedViewForm}
                label={edit().mode === "create" ? t("saveView") : t("rename")}
                name={name()}
                busy={busy()}
                onName={setName}
                onSubmit={submit}
                onCancel={() => setEditing(null)}
              />
            )}
          </Show>
        )}
      </Show>
      <ErrorMessage message={error()} />
    </div>
  );
}
