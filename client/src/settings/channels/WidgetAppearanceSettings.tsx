/**
 * Settings → Channels, for each web chat inbox: how its widget looks on the website (issue 16).
 * Primary colour (its text colour is chosen by contrast, shown with the ratio), a greeting for all
 * languages and optionally one per language, the corner, a small picture (shrunk on this device),
 * a team name, and whether it offers "leave a message" when closed or nobody is available.
 * Saved through `/api/admin/inboxes/:id/widget` (audited); online only, like the rest of the
 * admin screen. The widget reads it from its public config.
 */
import {
  WIDGET_LANGUAGES,
  accentContrast,
  textColorOn,
  widgetAppearanceOf,
  type AdminInbox,
  type WidgetAppearance,
  type WidgetLanguage,
  type WidgetPosition,
} from "@inbox/shared";
import { WidgetAppearanceResponseSchema } from "@inbox/shared/api/widget";
import { createMemo, createSignal, For, Show } from "solid-js";
import { ApiError, request } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { shrinkPicture } from "../../profile/index.ts";
import { ForById } from "../../ui/ForById.tsx";
import { t } from "./widget-messages.ts";

const saveAppearance = (inboxId: string, appearance: WidgetAppearance) =>
  request(`/api/admin/inboxes/${encodeURIComponent(inboxId)}/widget`, { body: appearance, schema: WidgetAppearanceResponseSchema });

const LANGUAGE_NAME: Record<WidgetLanguage, Parameters<typeof t>[0]> = { en: "languageEn", "pt-BR": "languagePtBR", es: "languageEs" };
const HEX = /^#[0-9a-fA-F]{6}$/;

/** What is wrong with a draft, in the admin's language (the server checks again). */
export function appearanceProblem(a: WidgetAppearance): string | null {
  if (!HEX.test(a.color.trim())) return t("colorInvalid");
  if (accentContrast(a.color.trim()) < 4.5) return t("colorLowContrast");
  if ([a.greeting, ...Object.values(a.greetings)].some((g) => (g ?? "").trim().length > 500)) return t("greetingTooLong");
  if (a.teamName.trim().length > 80) return t("teamNameTooLong");
  return null;
}

export function WidgetAppearanceSettings(props: { inboxes: AdminInbox[]; onSaved(): void }) {
  const { local } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();
  const webchats = createMemo(() => props.inboxes.filter((i) => i.channel === "webchat"));
  const [message, setMessage] = createSignal("");
  return (
    <Show when={webchats().length > 0}>
      <section class="settings-section" aria-labelledby="widget-title">
        <div class="settings-section-head">
          <h2 id="widget-title">{t("widgetTitle")}</h2>
        </div>
        <p class="muted">{t("widgetIntro")}</p>
        <Show when={offline()}>
          <p class="form-error" role="status">
            {t("widgetOffline")}
          </p>
        </Show>
        <p class="form-done" role="status">
          {message()}
        </p>
        <ForById each={webchats()}>
          {(inbox) => <WidgetForm inbox={inbox()} offline={offline()} onSaved={(text) => (setMessage(text), props.onSaved())} />}
        </ForById>
      </section>
    </Show>
  );
}

function WidgetForm(props: { inbox: AdminInbox; offline: boolean; onSaved(text: string): void }) {
  const initial = widgetAppearanceOf(props.inbox.settings);
  const [draft, setDraft] = createSignal<WidgetAppearance>(initial);
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal("");
  const id = (part: string) => `widget-${part}-${props.inbox.id}`;
  const patch = (p: Partial<WidgetAppearance>) => setDraft((d) => ({ ...d, ...p }));
  const colorOk = () => HEX.test(draft().color.trim());
  const textOn = () => (colorOk() ? textColorOn(draft().color.trim()) : "#ffffff");
  const ratio = () => (colorOk() ? accentContrast(draft().color.trim()).toFixed(1) : "–");

  const pickPicture = async (file: File | undefined) => {
    if (!file) return;
    try {
      patch({ avatar: await shrinkPicture(file) });
      setError("");
    } catch {
      setError(t("pictureUnreadable"));
    }
  };
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const d = draft();
    const problem = appearanceProblem(d);
    if (problem) return setError(problem);
    setSaving(true);
    setError("");
    try {
      const greetings = Object.fromEntries(Object.entries(d.greetings).filter(([, g]) => g && g.trim()));
      const saved = await saveAppearance(props.inbox.id, { ...d, color: d.color.trim(), greetings });
      setDraft(saved.appearance);
      props.onSaved(t("saved", { name: props.inbox.name }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="widget-appearance" aria-label={t("widgetFor", { name: props.inbox.name })} onSubmit={(e) => void save(e)} novalidate>
      <h3>{t("widgetFor", { name: props.inbox.name })}</h3>
      <div class="form-grid" style={{ display: "grid", gap: "8px", "max-width": "560px" }}>
        <label for={id("color")}>{t("color")}</label>
        <div style={{ display: "flex", gap: "8px", "align-items": "center" }}>
          <input type="color" aria-hidden="true" tabindex={-1} value={colorOk() ? draft().color.trim() : "#2563eb"} onInput={(e) => patch({ color: e.currentTarget.value })} />
          <input id={id("color")} type="text" maxlength={7} value={draft().color} onInput={(e) => patch({ color: e.currentTarget.value })} aria-describedby={id("color-hint")} />
          <span
            class="widget-swatch"
            style={{ background: colorOk() ? draft().color.trim() : "transparent", color: textOn(), padding: "4px 10px", "border-radius": "8px", border: "1px solid #d1d5db" }}
          >
            Aa
          </span>
        </div>
        <p id={id("color-hint")} class="muted">
          {t("colorHint", { text: textOn() === "#ffffff" ? t("colorWhite") : t("colorBlack"), ratio: ratio() })}
        </p>

        <label for={id("greeting")}>{t("greeting")}</label>
        <textarea id={id("greeting")} rows={2} maxlength={500} value={draft().greeting} onInput={(e) => patch({ greeting: e.currentTarget.value })} />
        <For each={WIDGET_LANGUAGES}>
          {(language) => (
            <>
              <label for={id(`greeting-${language}`)}>{t("greetingFor", { language: t(LANGUAGE_NAME[language]) })}</label>
              <input
                id={id(`greeting-${language}`)}
                type="text"
                maxlength={500}
                value={draft().greetings[language] ?? ""}
                onInput={(e) => patch({ greetings: { ...draft().greetings, [language]: e.currentTarget.value } })}
              />
            </>
          )}
        </For>

        <label for={id("position")}>{t("position")}</label>
        <select id={id("position")} value={draft().position} onChange={(e) => patch({ position: e.currentTarget.value as WidgetPosition })}>
          <option value="bottom-right">{t("bottomRight")}</option>
          <option value="bottom-left">{t("bottomLeft")}</option>
        </select>

        <label for={id("team")}>{t("teamName")}</label>
        <input id={id("team")} type="text" maxlength={80} value={draft().teamName} onInput={(e) => patch({ teamName: e.currentTarget.value })} />

        <span>{t("picture")}</span>
        <div style={{ display: "flex", gap: "8px", "align-items": "center" }}>
          <Show when={draft().avatar} fallback={<span class="muted">{t("noPicture")}</span>}>
            {(src) => <img src={src()} alt="" width={36} height={36} style={{ "border-radius": "50%" }} />}
          </Show>
          <label class="btn btn-ghost">
            {t("choosePicture")}
            <input type="file" accept="image/png,image/jpeg,image/webp" class="sr-only" onChange={(e) => void pickPicture(e.currentTarget.files?.[0])} />
          </label>
          <Show when={draft().avatar}>
            <button type="button" class="btn btn-ghost" onClick={() => patch({ avatar: null })}>
              {t("removePicture")}
            </button>
          </Show>
        </div>

        <label>
          <input type="checkbox" checked={draft().leaveMessage} onChange={(e) => patch({ leaveMessage: e.currentTarget.checked })} /> {t("leaveMessage")}
        </label>
      </div>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <button type="submit" class="btn" disabled={saving() || props.offline} aria-busy={saving()}>
        {saving() ? t("saving") : t("save")}
      </button>
    </form>
  );
}
