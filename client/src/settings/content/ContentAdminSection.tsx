/**
 * One settings section over a list of reusable content (canned responses, articles): the table,
 * the add/edit form in place, removal with a confirmation, and what happened said in a status
 * line. The sections differ only in their columns and form fields, which they pass in.
 */
import { createSignal, For, Show, untrack, type JSX } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { schemaMessageWords } from "../../api/constraint-words.ts";
import { createAdminList } from "./admin-list.ts";
import { t } from "./messages.ts";

/** What a save answers: nothing (done) or why not, with messages per field. */
export type SaveError = { message: string; fields?: Record<string, string> } | null;

/** What the section hands its form: the item being edited (null: a new one) and what to do. */
export interface ContentFormProps<T, I> {
  readonly initial: T | null;
  onCancel(): void;
  onSave(body: I): Promise<SaveError>;
}

export function ContentAdminSection<T extends { id: string }, I>(props: {
  /** Id of the heading, which names the section and its table. */
  headingId: string;
  title: string;
  addLabel: string;
  intro: string;
  empty: string;
  load(): Promise<T[]>;
  create(body: I): Promise<unknown>;
  update(id: string, body: I): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  /** How an item (and a body about to be saved) is named in messages and button names. */
  name(item: T): string;
  bodyName(body: I): string;
  /** Column headings before the actions column. */
  columns: string[];
  /** The row's cells before the actions cell (the first one a row header). */
  cells(item: T): JSX.Element;
  /** Actions before Edit and Remove. */
  actions?(item: T): JSX.Element;
  form(props: ContentFormProps<T, I>): JSX.Element;
}) {
  const { local } = useAppState();
  const list = createAdminList(() => props.load(), local.db);
  const [editing, setEditing] = createSignal<T | "new" | null>(null);
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);

  const remove = async (item: T) => {
    const name = props.name(item);
    if (!confirm(t("confirmRemove", { name }))) return;
    const err = await list.change(() => props.remove(item.id));
    setError(err?.message ?? null);
    if (!err) setMessage(t("removed", { name }));
  };

  return (
    <section class="settings-section" aria-labelledby={props.headingId}>
      <div class="settings-section-head">
        <h2 id={props.headingId}>{props.title}</h2>
        <button type="button" class="btn" onClick={() => (setEditing("new"), setMessage(""))}>
          {props.addLabel}
        </button>
      </div>
      <p class="muted">{props.intro}</p>
      <p class="form-done" role="status">
        {message()}
      </p>
      <ErrorMessage message={error() ?? list.loadError()} />
      {/* Keyed: choosing another item (or "new") builds a fresh form with that item's values. */}
      <Show when={editing()} keyed>
        {(current) =>
          props.form({
            initial: current === "new" ? null : current,
            onCancel: () => setEditing(null),
            onSave: async (body) => {
              const err = await list.change(() => (current === "new" ? props.create(body) : props.update(current.id, body)));
              if (!err) {
                setEditing(null);
                setMessage(t("saved", { name: props.bodyName(body) }));
              }
              return err;
            },
          })
        }
      </Show>
      <Show when={list.items()} fallback={<p class="muted">{t("loading")}</p>}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="muted">{props.empty}</p>}>
            <div class="table-wrap">
              <table class="content-table" aria-labelledby={props.headingId}>
                <thead>
                  <tr>
                    <For each={props.columns}>{(label) => <th scope="col">{label}</th>}</For>
                    <th scope="col">{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={items()}>
                    {(item) => (
                      <tr>
                        {props.cells(item)}
                        <td class="content-table-actions">
                          {props.actions?.(item)}
                          <button type="button" class="btn btn-ghost" aria-label={t("editNamed", { name: props.name(item) })} onClick={() => (setEditing(() => item), setMessage(""))}>
                            {t("edit")}
                          </button>
                          <button type="button" class="btn btn-ghost" aria-label={t("removeNamed", { name: props.name(item) })} onClick={() => void remove(item)}>
                            {t("remove")}
                          </button>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}

/** The server's message for a field, in the user's language when a shared schema wrote it. */
const schemaMessage = (message: string | undefined) => (message === undefined ? undefined : schemaMessageWords(message));

/**
 * The add/edit form's frame: the error summary, Save (busy while the server answers) and Cancel.
 * `read` builds the body from the fields; `children` gets each field's message from the server.
 */

export function ContentForm<I>(props: {
  label: string;
  read(): I;
  onCancel(): void;
  onSave(body: I): Promise<SaveError>;
  children: (field: (name: string) => string | undefined) => JSX.Element;
}) {
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    const err = await props.onSave(props.read());
    setBusy(false);
    setFields(err?.fields ?? {});
    setError(err ? (err.fields ? t("fixFields") : err.message) : null);
  };

  return (
    <form class="content-form" aria-label={props.label} onSubmit={submit}>
      <ErrorMessage message={error()} />
      {untrack(() => props.children((name) => schemaMessage(fields()[name])))}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()} aria-busy={busy()}>
          {t("save")}
        </button>
        <button type="button" class="btn btn-ghost" onClick={() => props.onCancel()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
