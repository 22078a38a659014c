/**
 * The Reports screen (issue 14): filters, the five groups as figure tiles, every time metric as
 * median / p90 / average, a time series chart and the weekday × hour heatmap, each with a table
 * and a CSV link. A figure drills down to the conversations behind it. The last report viewed
 * is kept on the device and shown offline, marked with its time. Loaded on demand (index.ts).
 */
import { can, type User } from "@inbox/shared";
import { DRILL_METRICS, REPORT_PRESETS, type DrillMetric, type ReportResponse, type ReportTable } from "@inbox/shared/api/reports";
import { DURATION_METRICS, GRANULARITIES, type Granularity } from "@inbox/shared/domain/reports/index";
import { batch, createEffect, createMemo, createSignal, For, on, Show, type JSX } from "solid-js";
import { createStore } from "solid-js/store";
import { asApiError } from "../api/http.ts";
import { useAppState } from "../app/index.ts";
import { formatDateTime } from "../format/time.ts";
import { Drill } from "./Drill.tsx";
import { durationWords } from "./format.ts";
import { t } from "./messages.ts";
import { csvHref, DEFAULT_FILTERS, fetchReport, loadReport, saveReport, type ReportFilters } from "./query.ts";
import { SeriesChart } from "./SeriesChart.tsx";
import "./reports.css";

type Key = Parameters<typeof t>[0];
const drillable = new Set<string>(DRILL_METRICS);

export default function Reports() {
  const { session, users, local, router, selection } = useAppState();
  const me = () => session.me()?.user ?? null;
  const mayFilter = () => can(me() as User | null, "viewReports");
  const [filters, setFilters] = createStore<ReportFilters>({ ...DEFAULT_FILTERS });
  const [report, setReport] = createSignal<ReportResponse | null>(null);
  /** Set while what shows is the device's copy: when it was fetched. */
  const [asOf, setAsOf] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [drill, setDrill] = createSignal<DrillMetric | null>(null);
  /** For a row of the agents table: whose chats attended are listed. */
  const [drillAgent, setDrillAgent] = createSignal<string | null>(null);
  const pick = (metric: DrillMetric | null, agent: string | null = null) =>
    batch(() => {
      setDrill(metric);
      setDrillAgent(agent);
    });
  let ticket = 0;

  const key = () => JSON.stringify({ ...filters });
  createEffect(
    on(key, () => {
      const asked: ReportFilters = { ...filters };
      const mine = ++ticket;
      setLoading(true);
      setError(null);
      pick(null);
      fetchReport(asked).then(
        (answer) => {
          if (mine !== ticket) return;
          batch(() => {
            setReport(answer);
            setAsOf(null);
            setLoading(false);
          });
          saveReport(local.db(), { at: Date.now(), filters: asked, report: answer });
        },
        async (err: unknown) => {
          const e = asApiError(err);
          if (e.code === "network") {
            const stored = await loadReport(local.db());
            if (mine !== ticket) return;
            batch(() => {
              setLoading(false);
              if (stored) {
                setReport(stored.report);
                setAsOf(stored.at);
              } else setError(t("noCopy"));
            });
            return;
          }
          if (mine !== ticket) return;
          batch(() => {
            setLoading(false);
            setError(e.message);
          });
        },
      );
    }),
  );

  const teams = () => session.me()?.teams ?? [];
  const agents = createMemo(() => [...users.all()].sort((a, b) => a.name.localeCompare(b.name)));
  const open = (conversationId: string) => {
    selection.select(conversationId);
    router.navigate({ screen: "inbox" });
  };
  const scopeWords = (r: ReportResponse) => {
    if (r.scope.ownNumbersOnly) return t("scopeOwn");
    if (r.scope.conversations === "all") return t("scopeAll");
    if (r.scope.conversations === "teams") return t("scopeTeams");
    return t("scopeMine");
  };
  const csv = (table: ReportTable, name: string) => (
    <a class="reports-csv" href={csvHref({ ...filters }, table)} download={`${table}.csv`} aria-label={t("csvOf", { table: name })} data-csv={table}>
      {t("csv")}
    </a>
  );
  const tile = (metric: string, label: string, value: number | string | null) => (
    <Show
      when={drillable.has(metric) && !asOf()}
      fallback={
        <div class="reports-tile" data-figure={metric}>
          <span class="reports-tile-label">{label}</span>
          <span class="reports-tile-value">{value ?? t("none")}</span>
        </div>
      }
    >
      <button type="button" class="reports-tile" data-figure={metric} aria-pressed={drill() === metric} onClick={() => pick(drill() === metric ? null : (metric as DrillMetric))}>
        <span class="reports-tile-label">{label}</span>
        <span class="reports-tile-value">{value ?? t("none")}</span>
      </button>
    </Show>
  );
  const group = (title: string, children: JSX.Element) => (
    <section class="reports-group" aria-label={title}>
      <h2>{title}</h2>
      <div class="reports-tiles">{children}</div>
    </section>
  );

  return (
    <main class="reports" aria-label={t("title")}>
      <div class="reports-head">
        <h1>{t("title")}</h1>
        <form class="reports-filters" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
          <label>
            {t("period")}
            <select value={filters.preset} onChange={(e) => setFilters("preset", e.currentTarget.value as ReportFilters["preset"])}>
              <For each={REPORT_PRESETS}>{(p) => <option value={p}>{t(`p_${p}` as Key)}</option>}</For>
            </select>
          </label>
          <label>
            {t("granularity")}
            <select value={filters.granularity} onChange={(e) => setFilters("granularity", e.currentTarget.value as Granularity)}>
              <For each={GRANULARITIES}>{(g) => <option value={g}>{t(`g_${g}` as Key)}</option>}</For>
            </select>
          </label>
          <Show when={mayFilter()}>
            <label>
              {t("team")}
              <select value={filters.team} onChange={(e) => setFilters("team", e.currentTarget.value)}>
                <option value="">{t("anyTeam")}</option>
                <For each={teams()}>{(team) => <option value={team.id}>{team.name}</option>}</For>
              </select>
            </label>
            <label>
              {t("agent")}
              <select value={filters.agent} onChange={(e) => setFilters("agent", e.currentTarget.value)}>
                <option value="">{t("anyAgent")}</option>
                <For each={agents()}>{(u) => <option value={u.id}>{u.name}</option>}</For>
              </select>
            </label>
          </Show>
          <label>
            {t("clock")}
            <select value={filters.clock} onChange={(e) => setFilters("clock", e.currentTarget.value as ReportFilters["clock"])}>
              <option value="calendar">{t("k_calendar")}</option>
              <option value="business">{t("k_business")}</option>
            </select>
          </label>
        </form>
      </div>
      <Show when={error()}>{(message) => <p role="alert">{message()}</p>}</Show>
      <Show when={loading() && !report()}>
        <p role="status">{t("loading")}</p>
      </Show>
      <Show when={report()}>
        {(r) => (
          <div class="reports-body" aria-busy={loading()}>
            <p class="reports-scope">
              <span data-scope={r().scope.ownNumbersOnly ? "own" : r().scope.conversations}>{scopeWords(r())}</span>
              {" · "}
              <span>{t("periodRange", { from: formatDateTime(r().period.from), to: formatDateTime(r().period.to) })}</span>
              <Show when={asOf()}>
                {(at) => (
                  <span class="reports-asof" role="status">
                    {" · "}
                    {t("asOf", { time: formatDateTime(at()) })}
                  </span>
                )}
              </Show>
            </p>
            <Show when={drill()}>
              {(m) => (
                <Drill
                  filters={{ ...filters, agent: drillAgent() ?? filters.agent }}
                  metric={m()}
                  who={drillAgent() ? (r().names.agents[drillAgent()!] ?? null) : null}
                  onOpen={open}
                  onClose={() => pick(null)}
                />
              )}
            </Show>
            <Show when={r()} keyed>
              {(current) => (
            <Body
              report={current}
              offline={asOf() !== null}
              granularity={filters.granularity}
              tile={tile}
              group={group}
              csv={csv}
              drill={drill()}
              onDrill={(m) => pick(drill() === m && !drillAgent() ? null : m)}
              onDrillAgent={(id) => pick(drill() === "agent.chatsAttended" && drillAgent() === id ? null : "agent.chatsAttended", id)}
            />
              )}
            </Show>
          </div>
        )}
      </Show>
    </main>
  );
}

function Body(props: {
  report: ReportResponse;
  offline: boolean;
  granularity: Granularity;
  tile: (metric: string, label: string, value: number | string | null) => JSX.Element;
  group: (title: string, children: JSX.Element) => JSX.Element;
  csv: (table: ReportTable, name: string) => JSX.Element;
  drill: DrillMetric | null;
  onDrill: (m: DrillMetric) => void;
  onDrillAgent: (agentId: string) => void;
}) {
  const r = () => props.report;
  const c = () => r().totals.conversations;
  const agentName = (id: string) => r().names.agents[id] ?? id;
  const heatMax = () => Math.max(1, ...r().heatmap.flat());
  const series = createMemo(() => ({
    starts: r().series.points.map((p) => p.start),
    conversations: r().series.points.map((p) => p.figures.conversations.total),
    received: r().series.points.map((p) => p.figures.messages.received),
    labels: { conversations: t("conversations"), received: t("received") },
  }));
  return (
    <>
      {props.group(
        t("byStatus"),
        <>
          {(["total", "new", "reopened", "attended", "reassigned", "resolved"] as const).map((k) => props.tile(`conversations.${k}`, t(`s_${k}`), c()[k]))}
        </>,
      )}
      {props.group(
        t("byContact"),
        <>
          {props.tile("contacts.new", t("c_new"), r().totals.contacts.new)}
          {props.tile("contacts.returning", t("c_returning"), r().totals.contacts.returning)}
          {props.tile("contacts.messagesAwaitingRead", t("c_awaiting"), r().totals.contacts.messagesAwaitingRead)}
        </>,
      )}
      {props.group(
        t("sla"),
        <Show when={r().totals.sla} fallback={<p>{t("noSla")}</p>}>
          {(sla) => (
            <>
              {props.tile("sla.met", t("slaMet"), sla().met)}
              {props.tile("sla.breached", t("slaBreached"), sla().breached)}
            </>
          )}
        </Show>,
      )}
      <section class="reports-group" aria-label={t("times")}>
        <h2>{t("times")}</h2>
        <table class="reports-table" data-table="times">
          <thead>
            <tr>
              <th scope="col">{t("times")}</th>
              <th scope="col">{t("median")}</th>
              <th scope="col">{t("p90")}</th>
              <th scope="col">{t("average")}</th>
              <th scope="col">{t("samples")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={DURATION_METRICS}>
              {(m) => {
                const stat = () => r().totals.times[m];
                return (
                  <tr data-metric={m}>
                    <th scope="row">
                      <Show when={!props.offline} fallback={t(`m_${m}`)}>
                        <button type="button" class="link-button" data-figure={`times.${m}`} aria-pressed={props.drill === `times.${m}`} onClick={() => props.onDrill(`times.${m}`)}>
                          {t(`m_${m}`)}
                        </button>
                      </Show>
                    </th>
                    <td>{durationWords(stat().median) ?? t("none")}</td>
                    <td>{durationWords(stat().p90) ?? t("none")}</td>
                    <td>{durationWords(stat().average) ?? t("none")}</td>
                    <td>{stat().count}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </section>
      <section class="reports-group" aria-label={t("agents")}>
        <h2>{t("agents")}</h2>
        {props.csv("agents", t("agents"))}
        <Show when={Object.keys(r().byAgent).length > 0} fallback={<p>{t("noAgents")}</p>}>
          <div class="reports-scroll">
            <table class="reports-table" data-table="agents">
              <thead>
                <tr>
                  <th scope="col">{t("a_agent")}</th>
                  <th scope="col">{t("a_attended")}</th>
                  <th scope="col">{t("a_reopens")}</th>
                  <th scope="col">{t("a_resolved")}</th>
                  <th scope="col">{t("m_firstResponse")}</th>
                  <th scope="col">{t("m_firstResponseFromAssignment")}</th>
                  <th scope="col">{t("m_response")}</th>
                  <th scope="col">{t("m_pickup")}</th>
                  <th scope="col">{t("m_resolution")}</th>
                  <Show when={r().totals.sla}>
                    <th scope="col">{t("slaMet")}</th>
                    <th scope="col">{t("slaBreached")}</th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={Object.entries(r().byAgent).sort((a, b) => agentName(a[0]).localeCompare(agentName(b[0])))}>
                  {([id, a]) => (
                    <tr data-agent={id}>
                      <th scope="row">{agentName(id)}</th>
                      <td>
                        <Show when={!props.offline} fallback={a.chatsAttended}>
                          <button
                            type="button"
                            class="link-button"
                            data-figure="agent.chatsAttended"
                            aria-label={t("drillShow", { metric: `${t("a_attended")} (${agentName(id)})` })}
                            onClick={() => props.onDrillAgent(id)}
                          >
                            {a.chatsAttended}
                          </button>
                        </Show>
                      </td>
                      <td>{a.reopens}</td>
                      <td>{a.resolved}</td>
                      <For each={DURATION_METRICS}>
                        {(m) => (
                          <td>
                            {durationWords(a.times[m].median) ?? t("none")}
                            <Show when={a.times[m].count > 0}>
                              <span class="reports-sub">
                                {" "}
                                ({t("p90")} {durationWords(a.times[m].p90)}, {t("average")} {durationWords(a.times[m].average)})
                              </span>
                            </Show>
                          </td>
                        )}
                      </For>
                      <Show when={r().totals.sla}>
                        <td>{a.sla?.met ?? t("none")}</td>
                        <td>{a.sla?.breached ?? t("none")}</td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
      <section class="reports-group" aria-label={t("messages")}>
        <h2>{t("messages")}</h2>
        {props.csv("messages", t("messages"))}
        <div class="reports-tiles">
          {(["received", "sent", "delivered", "read", "failed", "unconfirmed", "autoReplies"] as const).map((k) => props.tile(`messages.${k}`, t(`x_${k}`), r().totals.messages[k]))}
        </div>
      </section>
      <section class="reports-group" aria-label={t("series")}>
        <h2>{t("series")}</h2>
        {props.csv("series", t("series"))}
        <div class="reports-chart-wrap">
          <SeriesChart data={series()} label={t("seriesChart", { granularity: t(`g_${props.granularity}` as Key) })} />
          <table class="reports-table sr-only" data-table="series">
            <caption>{t("seriesChart", { granularity: t(`g_${props.granularity}` as Key) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("bucket")}</th>
                <th scope="col">{t("conversations")}</th>
                <th scope="col">{t("received")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().series.points}>
                {(p) => (
                  <tr>
                    <th scope="row">{p.label}</th>
                    <td>{p.figures.conversations.total}</td>
                    <td>{p.figures.messages.received}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
      <section class="reports-group" aria-label={t("heatmap")}>
        <h2>{t("heatmap")}</h2>
        {props.csv("heatmap", t("heatmap"))}
        <div class="reports-scroll">
          <table class="reports-heatmap" data-table="heatmap">
            <thead>
              <tr>
                <th scope="col">{t("weekday")}</th>
                <For each={Array.from({ length: 24 }, (_, h) => h)}>{(h) => <th scope="col" aria-label={`${t("hour")} ${h}`}>{h}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={r().heatmap}>
                {(row, d) => (
                  <tr>
                    <th scope="row">{t(`d${d()}` as Key)}</th>
                    <For each={row}>
                      {(n) => (
                        <td style={{ "background-color": n ? `rgba(37, 99, 235, ${0.12 + (0.88 * n) / heatMax()})` : undefined, color: n / heatMax() > 0.55 ? "#fff" : undefined }}>{n || ""}</td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
      <p class="reports-took">{t("tookMs", { ms: Math.round(r().tookMs) })}</p>
    </>
  );
}
