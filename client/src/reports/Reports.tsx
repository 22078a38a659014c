/**
 * The Reports screen (issue 14): the question (filters, kept in the page's query string so a
 * report is a link), the answer's sections, and the drill-down into the conversations behind a
 * figure. The last report viewed is kept on the device and shown offline, marked with its time.
 * Each section is its own file; this one asks and lays them out. Loaded on demand (index.ts).
 */
import { can, type User } from "@inbox/shared";
import type { DrillMetric, ReportResponse, ReportTable } from "@inbox/shared/api/reports";
import type { DurationMetric } from "@inbox/shared/domain/reports/index";
import { batch, createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { asApiError } from "../api/http.ts";
import { useAppState } from "../app/index.ts";
import { formatDateTime } from "../format/time.ts";
import { createLiveQuery } from "../local/live-query.ts";
import { AgentsTable } from "./AgentsTable.tsx";
import { BreakdownTables } from "./BreakdownTables.tsx";
import { CsatGroup } from "./CsatGroup.tsx";
import { Distribution, type BandDrill } from "./Distribution.tsx";
import { Drill } from "./Drill.tsx";
import { ContactGroup, MessageGroup, SlaGroup, StatusGroup } from "./FigureGroups.tsx";
import { FiltersForm } from "./FiltersForm.tsx";
import { Heatmap } from "./Heatmap.tsx";
import { t } from "./messages.ts";
import { periodToDates } from "./period.ts";
import { csvHref, DEFAULT_FILTERS, fetchReport, filtersFromSearch, loadReport, questionOf, saveReport, searchOf, type ReportFilters, type ReportQuestion } from "./query.ts";
import { SeriesSection } from "./SeriesSection.tsx";
import { CsvLink, type DrillControl } from "./Tile.tsx";
import { TimesTable } from "./TimesTable.tsx";
import "./reports.css";

const PATH = "/reports";
/** How often, at most, a live report is asked again while chats keep changing. */
const LIVE_MS = 3_000;

export default function Reports() {
  const { session, users, local, router, selection } = useAppState();
  const me = () => session.me()?.user ?? null;
  const mayFilter = () => can(me() as User | null, "viewReports");
  const [filters, setFilters] = createStore<ReportFilters>(location.pathname.replace(/\/+$/, "") === PATH ? filtersFromSearch(location.search) : { ...DEFAULT_FILTERS });
  // A store reconciled with each answer, so a live refresh changes only the numbers that moved
  // (the tables, an open drill-down and the focus stay where they are).
  const [shown, setShown] = createStore<{ report: ReportResponse | null }>({ report: null });
  const report = () => shown.report;
  const setReport = (answer: ReportResponse) => setShown("report", reconcile(answer));
  /** Set while what shows is the device's copy: when it was fetched. */
  const [asOf, setAsOf] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  /** When the report on screen arrived (device clock). */
  const [answeredAt, setAnsweredAt] = createSignal(0);
  const [drill, setDrill] = createSignal<DrillMetric | null>(null);
  /** For a row of the agents table: whose chats attended are listed. */
  const [drillAgent, setDrillAgent] = createSignal<string | null>(null);
  /** The workspace's zone: what a report asked without a zone answers in its period. */
  const [workspaceZone, setWorkspaceZone] = createSignal<string | null>(null);
  /** Every inbox a report has named: the inbox and channel choices (a filtered report names only its own). */
  const [knownInboxes, setKnownInboxes] = createSignal<ReportResponse["names"]["inboxes"]>({});
  /** For a point of the series: which bucket's conversations are listed. */
  const [drillBucket, setDrillBucket] = createSignal<{ start: number; label: string } | null>(null);
  /** For a band of a time metric's distribution: which durations are listed. */
  const [drillBand, setDrillBand] = createSignal<{ index: number; label: string } | null>(null);
  const pick = (metric: DrillMetric | null, agent: string | null = null, bucket: { start: number; label: string } | null = null, band: { index: number; label: string } | null = null) =>
    batch(() => {
      setDrill(metric);
      setDrillAgent(agent);
      setDrillBucket(bucket);
      setDrillBand(band);
    });
  const learn = (answer: ReportResponse, asked: ReportFilters) => {
    if (!asked.timeZone) setWorkspaceZone(answer.period.timeZone);
    setKnownInboxes((known) => ({ ...known, ...answer.names.inboxes }));
  };

  // The filters are the page's query string: a report is a link, and a reload stays on it.
  createEffect(() => {
    const search = searchOf({ ...filters });
    if (location.pathname.replace(/\/+$/, "") !== PATH) return;
    const href = search ? `${PATH}?${search}` : PATH;
    if (href !== location.pathname + location.search) history.replaceState(history.state, "", href);
  });

  const question = createMemo<ReportQuestion | null>(() => questionOf({ ...filters }, workspaceZone()), null, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  let ticket = 0;
  /** `quiet`: the live refresh of a report on screen (no "loading", the open drill-down stays). */
  const ask = (asked: ReportFilters, q: ReportQuestion, show: boolean, quiet = false) => {
    const mine = ++ticket;
    if (!quiet) {
      setLoading(true);
      setError(null);
      pick(null);
    }
    fetchReport(q).then(
      (answer) => {
        if (mine !== ticket) return;
        batch(() => {
          learn(answer, asked);
          if (!show) return;
          setReport(answer);
          setAnsweredAt(Date.now());
          setAsOf(null);
          setLoading(false);
        });
        if (show) saveReport(local.db(), { at: Date.now(), filters: asked, report: answer });
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
  };
  createEffect(
    on(question, (q) => {
      const asked: ReportFilters = { ...filters };
      if (q) return ask(asked, q, true);
      // A linked custom period in the workspace's zone, before any report said which zone that
      // is: ask for today first, to learn it; the period is asked as soon as it is known.
      const probe = asked.preset === "custom" && !asked.timeZone && !workspaceZone() ? questionOf({ ...asked, preset: "today" }, null) : null;
      if (probe) return ask({ ...asked, preset: "today" }, probe, false);
      setError(t("customInvalid"));
    }),
  );

  // Live counters: a report that reaches the present is asked again when the chats this device
  // holds change (the rooms write every new message, assignment and resolution into IndexedDB),
  // at most every LIVE_MS. Events drive it, not a timer: nothing happens while nothing happens.
  const reachesNow = () => {
    const r = report();
    // The server ends a period at its "now": one ending within a minute of the answer reaches the present.
    return r !== null && asOf() === null && r.period.to >= answeredAt() - 60_000;
  };
  const activity = createLiveQuery(
    () => (reachesNow() ? local.db() : null),
    async (db) => (await db.conversations.orderBy("lastActivityAt").reverse().limit(50).toArray()).map((c) => `${c.id}:${c.status}:${c.assigneeId ?? ""}:${c.lastActivityAt}`).join(","),
    "",
    { throttleMs: () => LIVE_MS },
  );
  createEffect(
    on(activity, (now, before) => {
      const q = question();
      if (before && now !== before && q && !loading()) ask({ ...filters }, q, true, true);
    }, { defer: true }),
  );

  const teams = () => session.me()?.teams ?? [];
  const agents = createMemo(() => [...users.all()].sort((a, b) => a.name.localeCompare(b.name)));
  const shownDays = () => {
    const r = report();
    return r ? periodToDates(r.period.from, r.period.to, r.period.timeZone) : null;
  };
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
  /** The question of the links and the drill-down: the one on screen. */
  const linkQuestion = () => question() ?? questionOf({ ...DEFAULT_FILTERS }, null)!;
  // A CSV is asked of the server: offline, with the device's copy on screen, there is none to offer.
  const csv = (table: ReportTable, name: string) => (
    <Show when={asOf() === null}>
      <CsvLink href={csvHref(linkQuestion(), table)} table={table} name={name} />
    </Show>
  );
  const drillControl: DrillControl = {
    get enabled() {
      return asOf() === null;
    },
    get current() {
      return drill();
    },
    toggle: (m) => pick(drill() === m && !drillAgent() && !drillBucket() && !drillBand() ? null : m),
  };
  const bandDrill: BandDrill = {
    get enabled() {
      return asOf() === null;
    },
    get current() {
      const m = drill();
      const band = drillBand();
      return m?.startsWith("times.") && band ? { metric: m.slice("times.".length) as DurationMetric, band: band.index } : null;
    },
    toggle: (metric, band, label) => {
      const open = bandDrill.current;
      pick(open?.metric === metric && open.band === band ? null : `times.${metric}`, null, null, { index: band, label });
    },
  };
  const drillAgentRow = (id: string) => pick(drill() === "agent.chatsAttended" && drillAgent() === id ? null : "agent.chatsAttended", id);

  return (
    <main class="reports" aria-label={t("title")}>
      <div class="reports-head">
        <h1>{t("title")}</h1>
        <FiltersForm
          filters={filters}
          set={(patch) => setFilters(patch)}
          mayFilter={mayFilter()}
          choices={{ teams: teams(), agents: agents(), inboxes: knownInboxes(), workspaceZone: workspaceZone(), shownDays }}
        />
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
              <span data-period>{t("periodRange", { from: formatDateTime(r().period.from, { timeZone: r().period.timeZone }), to: formatDateTime(r().period.to, { timeZone: r().period.timeZone }) })}</span>
              {" · "}
              <span data-zone>{r().period.timeZone}</span>
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
                  question={{ ...linkQuestion(), agent: drillAgent() ?? linkQuestion().agent }}
                  metric={m()}
                  who={drillAgent() ? (r().names.agents[drillAgent()!] ?? null) : null}
                  bucket={drillBucket()}
                  band={drillBand()}
                  onOpen={open}
                  onClose={() => pick(null)}
                />
              )}
            </Show>
            <StatusGroup report={r()} drill={drillControl} />
            <ContactGroup report={r()} drill={drillControl} />
            <SlaGroup report={r()} drill={drillControl} />
            <CsatGroup report={r()} drill={drillControl} />
            <TimesTable report={r()} drill={drillControl} />
            <Distribution report={r()} drill={bandDrill} csv={csv("distribution", t("distribution"))} />
            <AgentsTable report={r()} offline={asOf() !== null} csv={csv} onDrillAgent={drillAgentRow} />
            <BreakdownTables report={r()} csv={csv} />
            <MessageGroup report={r()} drill={drillControl} csv={csv} />
            <SeriesSection
              report={r()}
              granularity={r().series.granularity}
              csv={csv}
              onPick={asOf() === null ? (point) => pick("conversations.total", null, { start: point.start, label: point.label }) : undefined}
            />
            <Heatmap report={r()} csv={csv} />
            <p class="reports-took">{t("tookMs", { ms: Math.round(r().tookMs) })}</p>
          </div>
        )}
      </Show>
    </main>
  );
}
