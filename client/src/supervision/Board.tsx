/** One team's board: count tiles, raised hands, the queue (positions, ticking waits), inboxes and the agents. */
import { For, Show, type Accessor } from "solid-js";
import type { BoardAgent, QueueCounts, TeamBoard } from "@inbox/shared";
import { SlaCountdown } from "../sla/index.ts";
import { BulkBar, createPicks, PickAllBox, PickBox, type BulkTarget } from "../bulk/index.ts";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { formatClock } from "../format/time.ts";
import { shortDuration } from "./format.ts";
import { t } from "./messages.ts";

const COUNT_KEYS = ["waiting", "waitingLong", "unassigned", "offered", "open", "pending", "snoozed", "slaAtRisk", "slaBreached"] as const satisfies readonly (keyof QueueCounts)[];

export function BoardView(props: { board: TeamBoard; now: Accessor<number>; live: boolean; wall: boolean; onOpen(conversationId: string): void }) {
  const agentName = (id: string | null) => (id ? (props.board.agents.find((a) => a.id === id)?.name ?? t("none")) : t("none"));
  const personName = (id: string | null) => (id ? (props.board.agents.find((a) => a.id === id)?.name ?? t("someone")) : t("someone"));
  // Waiting chats picked for a bulk action (assign, transfer, …); they wait unassigned in this team.
  const picks = createPicks(() => (props.wall ? [] : props.board.team.waiting.map((w) => w.conversationId)));
  const targets = (): BulkTarget[] => {
    const byId = new Map(props.board.team.waiting.map((w) => [w.conversationId, w]));
    return picks.ids().map((id) => ({ conversationId: id, contactName: byId.get(id)?.contactName ?? "", assigneeId: null, teamId: props.board.teamId }));
  };
  const countLabel = (key: (typeof COUNT_KEYS)[number]) =>
    key === "waitingLong" ? t("c_waitingLong", { minutes: Math.round(props.board.longWaitMs / 60_000) }) : t(`c_${key}`);
  return (
    <section class="board" classList={{ "board-wall": props.wall }} data-team={props.board.teamId} aria-label={props.board.teamName}>
      <header class="board-head">
        <h2>{props.board.teamName}</h2>
        <Show when={!props.live}>
          <span class="board-asof" role="status">{t("asOf", { time: formatClock(props.board.at) })}</span>
        </Show>
      </header>
      <ul class="board-tiles">
        <For each={COUNT_KEYS}>
          {(key) => (
            <li class="board-tile" data-count={key} data-nonzero={props.board.team.counts[key] > 0 ? "" : undefined}>
              <span class="board-tile-value">{props.board.team.counts[key]}</span>
              <span class="board-tile-label">{countLabel(key)}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.board.raisedHands.length > 0}>
        <h3>{t("raisedHands", { count: props.board.raisedHands.length })}</h3>
        <ul class="board-hands" aria-label={t("raisedHandsList")}>
          <For each={props.board.raisedHands}>
            {(hand) => (
              <li class="board-hand" data-conversation={hand.conversationId}>
                <span aria-hidden="true">✋</span>
                <button type="button" class="link" disabled={props.wall} onClick={() => props.onOpen(hand.conversationId)}>
                  {hand.contactName}
                </button>
                <span class="board-muted">{t("handBy", { name: personName(hand.by), ago: shortDuration(props.now() - hand.at) })}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t("queue")}</h3>
      <Show when={props.board.team.waiting.length > 0} fallback={<p class="board-empty">{t("noneWaiting")}</p>}>
        <Show when={!props.wall}>
          <BulkBar picks={picks} targets={targets} pickAll={false} />
        </Show>
        <div class="board-queue-scroll">
        <table class="board-queue">
          <thead>
            <tr>
              <Show when={!props.wall}>
                <th>
                  <PickAllBox picks={picks} />
                </th>
              </Show>
              <th>{t("position")}</th>
              <th>{t("customer")}</th>
              <th>{t("channel")}</th>
              <th>{t("priority")}</th>
              <th>{t("waited")}</th>
              <th>{t("offeredTo")}</th>
              <th>{t("sla")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.board.team.waiting}>
              {(row) => (
                <tr data-conversation={row.conversationId} classList={{ picked: picks.has(row.conversationId) }}>
                  <Show when={!props.wall}>
                    <td>
                      <PickBox picks={picks} id={row.conversationId} name={row.contactName} />
                    </td>
                  </Show>
                  <td class="board-position">{row.position}</td>
                  <td>
                    <button type="button" class="link" disabled={props.wall} onClick={() => props.onOpen(row.conversationId)}>
                      {row.contactName}
                    </button>
                    <Show when={row.vip}>
                      <span class="chip chip-vip">{t("vip")}</span>
                    </Show>
                  </td>
                  <td>{CHANNEL_LABELS[row.channel]}</td>
                  <td>{t(`p_${row.priority}`)}</td>
                  <td class="board-wait">{shortDuration(props.now() - row.waitingSince)}</td>
                  <td>
                    {agentName(row.offeredTo)}
                    <Show when={row.offeredAt}>{(at) => <span class="board-muted"> · {shortDuration(props.now() - at())}</span>}</Show>
                  </td>
                  <td class="board-sla">
                    <Show when={row.sla} fallback={t("noSla")}>
                      {(sla) => <SlaCountdown sla={sla()} />}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        </div>
        <Show when={props.board.team.counts.waiting > props.board.team.waiting.length}>
          <p class="board-muted">{t("moreWaiting", { count: props.board.team.counts.waiting - props.board.team.waiting.length })}</p>
        </Show>
      </Show>
      <Show when={!props.wall}>
        <h3>{t("inboxes")}</h3>
        <ul class="board-inboxes">
          <For each={props.board.inboxes}>
            {(inbox) => (
              <li>
                <strong>{inbox.name}</strong> · {t("c_waiting")}: {inbox.counts.waiting} · {t("c_open")}: {inbox.counts.open} · {t("c_offered")}: {inbox.counts.offered}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t("agents")}</h3>
      <ul class="board-agents">
        <For each={props.board.agents}>{(agent) => <AgentCard agent={agent} now={props.now} wall={props.wall} onOpen={props.onOpen} />}</For>
      </ul>
    </section>
  );
}

function AgentCard(props: { agent: BoardAgent; now: Accessor<number>; wall: boolean; onOpen(id: string): void }) {
  const pct = () => Math.min(100, Math.round((props.agent.load / props.agent.capacity) * 100));
  return (
    <li class="board-agent" data-agent={props.agent.id}>
      <div class="board-agent-head">
        <strong>{props.agent.name}</strong>
        <span class={`chip chip-${props.agent.availability}`} data-availability={props.agent.availability}>
          {t(`a_${props.agent.availability}`)}
        </span>
        <Show when={props.agent.availabilitySince}>{(at) => <span class="board-muted">{t("since", { time: formatClock(at()) })}</span>}</Show>
      </div>
      <div class="board-load" role="meter" aria-label={t("loadLabel", { name: props.agent.name })} aria-valuemin={0} aria-valuemax={props.agent.capacity} aria-valuenow={props.agent.load}>
        <div class="board-load-bar" classList={{ "board-load-full": props.agent.load >= props.agent.capacity }} style={{ width: `${pct()}%` }} />
        <span>{t("load", { load: props.agent.load, capacity: props.agent.capacity })}</span>
      </div>
      <div class="board-muted">
        {props.agent.lastReplyAt !== null ? t("lastReply", { ago: shortDuration(props.now() - props.agent.lastReplyAt) }) : t("noReply")} ·{" "}
        {t("handled", { count: props.agent.handledToday })} ·{" "}
        {t("firstResponse", { value: props.agent.medianFirstResponseMs === null ? t("none") : shortDuration(props.agent.medianFirstResponseMs) })}
      </div>
      <Show when={!props.wall && props.agent.open.length > 0}>
        <ul class="board-agent-open">
          <For each={props.agent.open}>
            {(c) => (
              <li>
                <button type="button" class="link" onClick={() => props.onOpen(c.id)}>
                  {c.contactName}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </li>
  );
}
