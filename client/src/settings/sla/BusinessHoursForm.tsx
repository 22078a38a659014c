/**
 * The workspace calendar: time zone, opening hours per weekday (several intervals, or closed)
 * and holidays with their names. Saved as one change; what is wrong is listed in words. The
 * parent says it was saved (a saved calendar remounts the form with what the server kept).
 */
import { WEEKDAYS, type BusinessCalendar, type Weekday } from "@inbox/shared";
import { createSignal, For, Index, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { calendarDraft, calendarFromDraft, type CalendarDraft } from "./sla-drafts.ts";
import { t } from "./messages.ts";
import { timeZoneChoices } from "./time-zones.ts";

export function BusinessHoursForm(props: { calendar: BusinessCalendar; offline: boolean; onSave(calendar: BusinessCalendar): Promise<unknown> }) {
  const [draft, setDraft] = createStore<CalendarDraft>(calendarDraft(props.calendar));
  const [errors, setErrors] = createSignal<string[]>([]);
  const [saving, setSaving] = createSignal(false);
  const zones = () => timeZoneChoices(draft.timezone);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const checked = calendarFromDraft(draft);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors([]);
    setSaving(true);
    try {
      await props.onSave(checked.value);
    } catch (err) {
      setErrors([err instanceof Error ? err.message : String(err)]);
    } finally {
      setSaving(false);
    }
  };

  const addInterval = (day: Weekday) =>
    setDraft(
      "hours",
      day,
      produce((list) => {
        const last = list[list.length - 1];
        list.push(last ? { start: last.end, end: last.end === "24:00" ? "24:00" : "18:00" } : { start: "09:00", end: "18:00" });
      }),
    );

  return (
    <form class="sla-hours" aria-labelledby="sla-hours-title" noValidate onSubmit={(e) => void submit(e)}>
      <h3 id="sla-hours-title">{t("hoursTitle")}</h3>
      <label class="field">
        <span>{t("timezone")}</span>
        <select value={draft.timezone} onChange={(e) => setDraft("timezone", e.currentTarget.value)}>
          <For each={zones()}>
            {(z) => (
              <option value={z} selected={z === draft.timezone}>
                {z}
              </option>
            )}
          </For>
        </select>
      </label>
      <table class="sla-week">
        <caption class="sr-only">{t("hoursTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("weekday")}</th>
            <th scope="col">{t("opening")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={WEEKDAYS}>
            {(day) => (
              <tr data-weekday={day}>
                <th scope="row">{t(day)}</th>
                <td>
                  <Show when={draft.hours[day].length > 0} fallback={<span class="muted sla-closed">{t("closed")}</span>}>
                    <ul class="sla-intervals">
                      <Index each={draft.hours[day]}>
                        {(iv, i) => (
                          <li>
                            <input
                              class="sla-time"
                              inputMode="numeric"
                              size={5}
                              aria-label={t("fromOn", { day: t(day), n: i + 1 })}
                              value={iv().start}
                              onInput={(e) => setDraft("hours", day, i, "start", e.currentTarget.value)}
                            />
                            {" – "}
                            <input
                              class="sla-time"
                              inputMode="numeric"
                              size={5}
                              aria-label={t("toOn", { day: t(day), n: i + 1 })}
                              value={iv().end}
                              onInput={(e) => setDraft("hours", day, i, "end", e.currentTarget.value)}
                            />
                            <button
                              type="button"
                              class="btn btn-ghost"
                              aria-label={t("removeIntervalOn", { day: t(day), n: i + 1 })}
                              onClick={() => setDraft("hours", day, (list) => list.filter((_, j) => j !== i))}
                            >
                              {t("removeInterval")}
                            </button>
                          </li>
                        )}
                      </Index>
                    </ul>
                  </Show>
                  <button type="button" class="btn btn-ghost" aria-label={t("addIntervalOn", { day: t(day) })} onClick={() => addInterval(day)}>
                    {t("addInterval")}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <h4>{t("holidaysTitle")}</h4>
      <p class="muted">{t("holidaysHelp")}</p>
      <Show when={draft.holidays.length > 0} fallback={<p class="muted">{t("noHolidays")}</p>}>
        <ul class="sla-holidays">
          <Index each={draft.holidays}>
            {(h, i) => (
              <li>
                <input type="date" aria-label={t("holidayDateN", { n: i + 1 })} value={h().date} onInput={(e) => setDraft("holidays", i, "date", e.currentTarget.value)} />
                <input type="text" maxLength={80} aria-label={t("holidayNameN", { n: i + 1 })} placeholder={t("holidayName")} value={h().name} onInput={(e) => setDraft("holidays", i, "name", e.currentTarget.value)} />
                <button type="button" class="btn btn-ghost" aria-label={t("removeHoliday", { n: i + 1 })} onClick={() => setDraft("holidays", (list) => list.filter((_, j) => j !== i))}>
                  {t("removeInterval")}
                </button>
              </li>
            )}
          </Index>
        </ul>
      </Show>
      <button type="button" class="btn btn-ghost" onClick={() => setDraft("holidays", (list) => [...list, { date: "", name: "" }])}>
        {t("addHoliday")}
      </button>

      <Show when={errors().length > 0}>
        <ul class="form-error" role="alert">
          <For each={errors()}>{(e) => <li>{e}</li>}</For>
        </ul>
      </Show>
      <button type="submit" class="btn" disabled={saving() || props.offline} aria-busy={saving()}>
        {saving() ? t("saving") : t("saveHours")}
      </button>
    </form>
  );
}
