/** Strings of a WhatsApp channel's message templates in Settings → Channels. */
import { defineMessages } from "../../i18n/define-messages.ts";

export const t = defineMessages(
  {
    templatesOf: "Message templates of {name}",
    summary: "Message templates",
    accountId: "WhatsApp Business Account ID",
    accountHint: "Meta Business Manager → WhatsApp accounts → the account's ID. Its approved templates can be sent after the 24-hour window.",
    sync: "Sync templates",
    syncing: "Syncing…",
    synced: "Synced {when}.",
    neverSynced: "Not synced yet.",
    syncFailed: "The last sync failed: {reason}",
    syncedCount: "{name}: {count} templates synced.",
    none: "No templates yet.",
    colName: "Template",
    colLanguage: "Language",
    colCategory: "Category",
    colStatus: "Status",
    status_APPROVED: "Approved",
    status_PENDING: "Pending review",
    status_REJECTED: "Rejected",
    status_PAUSED: "Paused",
    status_DISABLED: "Disabled",
    status_other: "{status}",
    because: "Reason: {reason}",
  },
  {
    templatesOf: "Modelos de mensagem de {name}",
    summary: "Modelos de mensagem",
    accountId: "ID da conta do WhatsApp Business",
    accountHint: "Meta Business Manager → Contas do WhatsApp → o ID da conta. Os modelos aprovados podem ser enviados após a janela de 24 horas.",
    sync: "Sincronizar modelos",
    syncing: "Sincronizando…",
    synced: "Sincronizado {when}.",
    neverSynced: "Ainda não sincronizado.",
    syncFailed: "A última sincronização falhou: {reason}",
    syncedCount: "{name}: {count} modelos sincronizados.",
    none: "Nenhum modelo ainda.",
    colName: "Modelo",
    colLanguage: "Idioma",
    colCategory: "Categoria",
    colStatus: "Situação",
    status_APPROVED: "Aprovado",
    status_PENDING: "Em análise",
    status_REJECTED: "Rejeitado",
    status_PAUSED: "Pausado",
    status_DISABLED: "Desativado",
    status_other: "{status}",
    because: "Motivo: {reason}",
  },
);

const KNOWN = ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"] as const;

/** Meta's status in the admin's words (unknown ones as Meta says them). */
export function statusWords(status: string): string {
  return (KNOWN as readonly string[]).includes(status) ? t(`status_${status as (typeof KNOWN)[number]}`) : t("status_other", { status });
}
