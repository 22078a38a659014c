/**
 * The customer's data in the panel, for those allowed (admins for now: the shared permission
 * checks decide): download everything kept about them as a zip, or erase it after typing their
 * name. The server checks the same permissions and the name again.
 */
import { contactDisplayName, type Contact } from "@inbox/shared";
import { erasureConfirmed, mayEraseContacts, mayExportData } from "@inbox/shared/api/data-rights";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../api/http.ts";
import { useAppState } from "../app/index.ts";
import { putContacts } from "../local/store.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { dataRightsApi } from "./data-rights-api.ts";
import { t } from "./data-rights-messages.ts";

export function ContactDataRights(props: { contact: Contact }) {
  const { session, local } = useAppState();
  const user = () => session.me()?.user;
  const canExport = () => mayExportData(user());
  const canErase = () => mayEraseContacts(user()) && props.contact.erasedAt === null;
  const name = () => contactDisplayName(props.contact);
  const online = () => local.browserOnline();
  const [busy, setBusy] = createSignal<"export" | "erase" | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [typed, setTyped] = createSignal("");
  const [done, setDone] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const failed = (err: unknown) => setError(err instanceof ApiError ? err.message : t("failed"));

  const exportData = async () => {
    setBusy("export");
    setError(null);
    setDone("");
    try {
      setDone(t("exported", { file: await dataRightsApi.exportArchive(props.contact.id) }));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  const erase = async (e: Event) => {
    e.preventDefault();
    if (!erasureConfirmed(typed(), name())) return;
    setBusy("erase");
    setError(null);
    try {
      const result = await dataRightsApi.erase(props.contact.id, typed());
      const db = local.db();
      if (db) await putContacts(db, [result.contact]);
      // Its messages and conversations come back erased with the next pull (and live, on screen).
      local.requestPull();
      setConfirming(false);
      setTyped("");
      setDone(t("erased", { messages: result.counts.messages, conversations: result.counts.conversations, files: result.counts.mediaFiles }));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Show when={canExport() || mayEraseContacts(user())}>
      <section class="info-section data-rights" aria-labelledby="info-data-rights-title">
        <h3 id="info-data-rights-title">
          {t("title")}
        </h3>
        <p class="muted small">{t("intro")}</p>
        <div class="profile-actions">
          <Show when={canExport()}>
            <button type="button" class="btn btn-ghost" disabled={!online() || busy() !== null} onClick={() => void exportData()}>
              {busy() === "export" ? t("exporting") : t("export")}
            </button>
          </Show>
          <Show when={canErase() && !confirming()}>
            <button
              type="button"
              class="btn btn-ghost data-rights-erase"
              aria-expanded="false"
              disabled={!online()}
              onClick={() => {
                setDone("");
                setConfirming(true);
              }}
            >
              {t("erase")}
            </button>
          </Show>
        </div>
        <Show when={confirming() && canErase()}>
          <form class="erase-confirm" aria-label={t("eraseTitle")} onSubmit={(e) => void erase(e)}>
            <p>{t("eraseWarning", { name: name() })}</p>
            <label class="field">
              <span>{t("typeName", { name: name() })}</span>
              <input type="text" autocomplete="off" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} />
            </label>
            <div class="form-actions">
              <button type="submit" class="btn btn-danger" disabled={!erasureConfirmed(typed(), name()) || busy() !== null || !online()}>
                {busy() === "erase" ? t("erasing") : t("eraseConfirm")}
              </button>
              <button
                type="button"
                class="btn btn-ghost"
                onClick={() => {
                  setConfirming(false);
                  setTyped("");
                }}
              >
                {t("cancel")}
              </button>
            </div>
          </form>
        </Show>
        <Show when={!online()}>
          <p class="muted small">{t("offline")}</p>
        </Show>
        <p class="form-done" role="status">
          {done()}
        </p>
        <ErrorMessage message={error()} />
      </section>
    </Show>
  );
}
