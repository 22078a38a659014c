/**
 * The report's question: period (a preset or two local days), time zone, granularity, clock, and
 * the filters the API takes (team, agent, inbox, channel, label, priority). Team and agent are
 * offered only to people who may see others' numbers; the server scopes the rest.
 */
import { REPORT_PRESETS, type ReportPreset } from "@inbox/shared/api/reports";
import { GRANULARITIES, type Granularity } from "@inbox/shared/domain/reports/index";
import { createSignal, For, Show } from "solid-js";
import { channelWords } from "./channel-words.ts";
import { t } from "./messages.ts";
import { isDate, isTimeZone, timeZoneChoices } from "./period.ts";
import { PRIORITIES, type Priority, type ReportFilters } from "./query.ts";

export interface FilterChoices {
  teams: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  /** Inboxes the screen has seen named, by id. */
  inboxes: Record<string, { name: string; channel: string }>;
  /** The workspace's zone (a report's `period.timeZone` asked without one), once known. */
  workspaceZone: string | null;
  /** The days on screen, for a custom period that starts from them. */
  shownDays: () => { fromDate: string; toDate: string } | null;
}

const OTHER = "\u0000other";

/**
 * Options come and go as reports name inboxes and the workspace's zone: each option says
 * whether it is the chosen one, so a select never falls back to its first option.
 */
export function FiltersForm(props: { filters: ReportFilters; set: (patch: Partial<ReportFilters>) => void; mayFilter: boolean; choices: FilterChoices }) {
  const f = () => props.filters;
  const [typingZone, setTypingZone] = createSignal(false);
  const [zoneError, setZoneError] = createSignal<string | null>(null);
  const zones = () => timeZoneChoices(props.choices.workspaceZone, f().timeZone).filter((z) => z !== props.choices.workspaceZone || z === f().timeZone);
  // A linked inbox not named yet still shows as chosen (by its id) until a report names it.
  const inboxes = () => {
    const known = { ...props.choices.inboxes };
    if (f().inbox && !known[f().inbox]) known[f().inbox] = { name: f().inbox, channel: "" };
    return Object.entries(known).sort((a, b) => a[1].name.localeCompare(b[1].name));
  };
  const channels = () => [...new Set([...Object.values(props.choices.inboxes).map((i) => i.channel), f().channel])].filter(Boolean).sort();

  const choosePeriod = (value: string) => {
    if (value !== "custom") return props.set({ preset: value as ReportPreset, fromDate: "", toDate: "" });
    const today = new Date().toISOString().slice(0, 10);
    const days = props.choices.shownDays() ?? { fromDate: today, toDate: today };
    props.set({ preset: "custom", ...days });
  };
  const chooseDay = (end: "fromDate" | "toDate", value: string) => {
    if (!isDate(value)) return;
    const other = end === "fromDate" ? f().toDate : f().fromDate;
    // Moving one end past the other moves both: the period stays at least a day.
    const clash = end === "fromDate" ? value > other : value < other;
    props.set(clash ? { fromDate: value, toDate: value } : { [end]: value });
  };
  const chooseZone = (value: string) => {
    if (value === OTHER) return setTypingZone(true);
    setTypingZone(false);
    setZoneError(null);
    props.set({ timeZone: value });
  };
  const typeZone = (value: string) => {
    const zone = value.trim();
    if (!isTimeZone(zone)) return setZoneError(t("zoneUnknown", { zone }));
    setZoneError(null);
    setTypingZone(false);
    props.set({ timeZone: zone });
  };

  return (
    <form class="reports-filters" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t("period")}
        <select value={f().preset} onChange={(e) => choosePeriod(e.currentTarget.value)}>
          <For each={REPORT_PRESETS}>{(p) => <option value={p}>{t(`p_${p}`)}</option>}</For>
          <option value="custom">{t("p_custom")}</option>
        </select>
      </label>
      <Show when={f().preset === "custom"}>
        <label>
          {t("fromDay")}
          <input type="date" required value={f().fromDate} onChange={(e) => chooseDay("fromDate", e.currentTarget.value)} />
        </label>
        <label>
          {t("toDay")}
          <input type="date" required value={f().toDate} onChange={(e) => chooseDay("toDate", e.currentTarget.value)} />
        </label>
      </Show>
      <label>
        {t("timeZone")}
        <select value={typingZone() ? OTHER : f().timeZone} onChange={(e) => chooseZone(e.currentTarget.value)}>
          <option value="">{props.choices.workspaceZone ? t("zoneWorkspaceIs", { zone: props.choices.workspaceZone }) : t("zoneWorkspace")}</option>
          <For each={zones()}>{(z) => <option value={z} selected={!typingZone() && z === f().timeZone}>{z}</option>}</For>
          <option value={OTHER}>{t("zoneOther")}</option>
        </select>
      </label>
      <Show when={typingZone()}>
        <label>
          {t("zoneTyped")}
          <input
            type="text"
            placeholder="America/Sao_Paulo"
            autocomplete="off"
            aria-invalid={zoneError() ? "true" : undefined}
            aria-describedby={zoneError() ? "reports-zone-error" : undefined}
            onChange={(e) => typeZone(e.currentTarget.value)}
          />
          <Show when={zoneError()}>
            {(message) => (
              <span id="reports-zone-error" class="reports-error" role="alert">
                {message()}
              </span>
            )}
          </Show>
        </label>
      </Show>
      <label>
        {t("granularity")}
        <select value={f().granularity} onChange={(e) => props.set({ granularity: e.currentTarget.value as Granularity })}>
          <For each={GRANULARITIES}>{(g) => <option value={g}>{t(`g_${g}`)}</option>}</For>
        </select>
      </label>
      <Show when={props.mayFilter}>
        <label>
          {t("team")}
          <select value={f().team} onChange={(e) => props.set({ team: e.currentTarget.value })}>
            <option value="">{t("anyTeam")}</option>
            <For each={props.choices.teams}>{(team) => <option value={team.id} selected={team.id === f().team}>{team.name}</option>}</For>
          </select>
        </label>
        <label>
          {t("agent")}
          <select value={f().agent} onChange={(e) => props.set({ agent: e.currentTarget.value })}>
            <option value="">{t("anyAgent")}</option>
            <For each={props.choices.agents}>{(u) => <option value={u.id} selected={u.id === f().agent}>{u.name}</option>}</For>
          </select>
        </label>
      </Show>
      <label>
        {t("inbox")}
        <select value={f().inbox} onChange={(e) => props.set({ inbox: e.currentTarget.value })}>
          <option value="">{t("anyInbox")}</option>
          <For each={inboxes()}>{([id, inbox]) => <option value={id} selected={id === f().inbox}>{inbox.name}</option>}</For>
        </select>
      </label>
      <label>
        {t("channel")}
        <select value={f().channel} onChange={(e) => props.set({ channel: e.currentTarget.value })}>
          <option value="">{t("anyChannel")}</option>
          <For each={channels()}>{(c) => <option value={c} selected={c === f().channel}>{channelWords(c)}</option>}</For>
        </select>
      </label>
      <label>
        {t("label")}
        <input type="text" maxLength={64} placeholder={t("anyLabel")} value={f().label} onChange={(e) => props.set({ label: e.currentTarget.value.trim() })} />
      </label>
      <label>
        {t("priority")}
        <select value={f().priority} onChange={(e) => props.set({ priority: e.currentTarget.value as Priority | "" })}>
          <option value="">{t("anyPriority")}</option>
          <For each={PRIORITIES}>{(p) => <option value={p}>{t(`pr_${p}`)}</option>}</For>
        </select>
      </label>
      <label>
        {t("clock")}
        <select value={f().clock} onChange={(e) => props.set({ clock: e.currentTarget.value as ReportFilters["clock"] })}>
          <option value="calendar">{t("k_calendar")}</option>
          <option value="business">{t("k_business")}</option>
        </select>
      </label>
    </form>
  );
}
