/**
 * A supervisor's refused intervention, said in the user's language from the facts the server
 * sends with it (`fields`): who moved the chat and where ("Already reassigned to Bruno by
 * Ana"), or the chosen agent's load ("Ana has 3 of 3 chats. Assign anyway?"). Null: the
 * server's own sentence stands.
 */
import type { Command, CommandResult } from "@inbox/shared";
import { defineMessages } from "../i18n/define-messages.ts";

const t = defineMessages(
  {
    reassignedBy: "Already reassigned to {to} by {by}.",
    gaveTo: "Routing already gave this chat to {to}.",
    took: "{to} already took this chat.",
    unassignedBy: "Already sent back to the queue by {by}.",
    unassigned: "Already sent back to the queue.",
    transferredBy: "Already transferred to {to} by {by}.",
    transferred: "Already transferred to {to}.",
    overCapacity: "{name} has {load} of {capacity} chats. Assign anyway?",
    assignAnyway: "Assign anyway",
    refused: "The server refused this change.",
  },
  {
    reassignedBy: "Já reatribuída a {to} por {by}.",
    gaveTo: "O roteamento já deu esta conversa a {to}.",
    took: "{to} já pegou esta conversa.",
    unassignedBy: "Já devolvida à fila por {by}.",
    unassigned: "Já devolvida à fila.",
    transferredBy: "Já transferida para {to} por {by}.",
    transferred: "Já transferida para {to}.",
    overCapacity: "{name} tem {load} de {capacity} conversas. Atribuir mesmo assim?",
    assignAnyway: "Atribuir mesmo assim",
    refused: "O servidor recusou esta alteração.",
  },
);

/** A refusal that came without the server's words. */
export const refusedWords = (): string => t("refused");

type Refused = Extract<CommandResult, { ok: false }>;

export function refusalWords(command: Command, result: Refused): string | null {
  const f = result.fields;
  if (!f || (command.type !== "assign" && command.type !== "transfer")) return null;
  if (result.code === "over_capacity" && f.name && f.load && f.capacity) return t("overCapacity", { name: f.name, load: f.load, capacity: f.capacity });
  if (result.code !== "conflict") return null;
  const by = f.by;
  const to = f.to ?? "";
  switch (f.what) {
    case "reassigned":
      return by ? t("reassignedBy", { to, by }) : t("gaveTo", { to });
    case "took":
      return t("took", { to });
    case "unassigned":
      return by ? t("unassignedBy", { by }) : t("unassigned");
    case "transferred":
      return by ? t("transferredBy", { to, by }) : t("transferred", { to });
    default:
      return null;
  }
}

/** Over capacity: the same assignment again, confirmed (a new client id: the first one's refusal is its answer). */
export function overrideOffer(command: Command, result: Refused): { label: string; command: Command } | null {
  if (command.type !== "assign" || result.code !== "over_capacity" || command.override) return null;
  return { label: t("assignAnyway"), command: { ...command, clientId: crypto.randomUUID(), override: true } };
}
