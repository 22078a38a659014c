/** The figure tiles: conversations by status, by contact, SLA outcomes and the message summary. */
import type { ReportResponse } from "@inbox/shared/api/reports";
import { For, Show } from "solid-js";
import { t } from "./messages.ts";
import { Tile, TileGroup, type CsvLinkOf, type DrillControl } from "./Tile.tsx";

const STATUS = ["total", "new", "reopened", "attended", "reassigned", "resolved"] as const;
const MESSAGES = ["received", "sent", "delivered", "read", "failed", "unconfirmed", "autoReplies"] as const;

export function StatusGroup(props: { report: ReportResponse; drill: DrillControl }) {
  return (
    <TileGroup title={t("byStatus")}>
      <For each={STATUS}>{(k) => <Tile metric={`conversations.${k}`} label={t(`s_${k}`)} value={props.report.totals.conversations[k]} drill={props.drill} />}</For>
    </TileGroup>
  );
}

export function ContactGroup(props: { report: ReportResponse; drill: DrillControl }) {
  const c = () => props.report.totals.contacts;
  return (
    <TileGroup title={t("byContact")}>
      <Tile metric="contacts.new" label={t("c_new")} value={c().new} drill={props.drill} />
      <Tile metric="contacts.returning" label={t("c_returning")} value={c().returning} drill={props.drill} />
      <Tile metric="contacts.messagesAwaitingRead" label={t("c_awaiting")} value={c().messagesAwaitingRead} drill={props.drill} />
    </TileGroup>
  );
}

export function SlaGroup(props: { report: ReportResponse; drill: DrillControl }) {
  return (
    <TileGroup title={t("sla")}>
      <Show when={props.report.totals.sla} fallback={<p>{t("noSla")}</p>}>
        {(sla) => (
          <>
            <Tile metric="sla.met" label={t("slaMet")} value={sla().met} drill={props.drill} />
            <Tile metric="sla.breached" label={t("slaBreached")} value={sla().breached} drill={props.drill} />
          </>
        )}
      </Show>
    </TileGroup>
  );
}

export function MessageGroup(props: { report: ReportResponse; drill: DrillControl; csv: CsvLinkOf }) {
  return (
    <TileGroup title={t("messages")} csv={props.csv("messages", t("messages"))}>
      <For each={MESSAGES}>{(k) => <Tile metric={`messages.${k}`} label={t(`x_${k}`)} value={props.report.totals.messages[k]} drill={props.drill} />}</For>
    </TileGroup>
  );
}
