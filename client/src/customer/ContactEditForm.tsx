/** The contact's details as a form: checked as the server will check them, saved through the outbox. */
import type { Contact } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { formOf, formPatch, type ContactForm, type TextField } from "./contact-edit.ts";
import type { ContactPanel } from "./contact-panel.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { t } from "./messages.ts";

const FIELDS: { key: TextField; label: () => string; type: string; autocomplete: string }[] = [
  { key: "name", label: () => t("name"), type: "text", autocomplete: "off" },
  { key: "email", label: () => t("email"), type: "email", autocomplete: "off" },
  { key: "phone", label: () => t("phone"), type: "tel", autocomplete: "off" },
  { key: "company", label: () => t("company"), type: "text", autocomplete: "off" },
];

export function ContactEditForm(props: { contact: Contact; panel: ContactPanel; onDone: () => void }) {
  const [form, setForm] = createSignal<ContactForm>(formOf(props.contact));
  const [errors, setErrors] = createSignal<Partial<Record<TextField, string>>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const set = (key: TextField, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const errorId = (key: TextField) => `contact-${key}-error`;

  const submit = async () => {
    setFailure(null);
    const { patch, errors: found } = formPatch(props.contact, form());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!patch) {
      props.onDone();
      return;
    }
    setBusy(true);
    try {
      await props.panel.save(patch);
      props.onDone();
    } catch {
      setFailure(t("saveFailed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="contact-form"
      aria-label={t("editTitle")}
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <For each={FIELDS}>
        {(field) => (
          <div class="field">
            <label for={`contact-${field.key}`}>{field.label()}</label>
            <input
              id={`contact-${field.key}`}
              type={field.type}
              autocomplete={field.autocomplete}
              value={form()[field.key]}
              aria-invalid={errors()[field.key] ? "true" : undefined}
              aria-describedby={errors()[field.key] ? errorId(field.key) : undefined}
              onInput={(e) => set(field.key, e.currentTarget.value)}
            />
            <Show when={errors()[field.key]}>
              {(message) => (
                <span class="field-error" id={errorId(field.key)}>
                  {message()}
                </span>
              )}
            </Show>
          </div>
        )}
      </For>
      <div class="field">
        <label for="contact-notes">{t("notes")}</label>
        <textarea
          id="contact-notes"
          rows={3}
          maxLength={4000}
          value={form().notes}
          aria-invalid={errors().notes ? "true" : undefined}
          aria-describedby={errors().notes ? errorId("notes") : undefined}
          onInput={(e) => set("notes", e.currentTarget.value)}
        />
        <Show when={errors().notes}>
          {(message) => (
            <span class="field-error" id={errorId("notes")}>
              {message()}
            </span>
          )}
        </Show>
      </div>
      <ErrorMessage message={failure()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {t("save")}
        </button>
        <button type="button" class="btn btn-ghost" onClick={() => props.onDone()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
