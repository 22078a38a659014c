/**
 * What the app does with the server's answer to each outbox command. Pure (plus a Y.Text
 * helper), so the rules are unit-tested: a refused reply goes back into the draft with the
 * server's words for the agent; an accepted one is stored with the server's copy.
 */
import type { Command, CommandResult, Conversation, Message } from "@inbox/shared";
import type * as Y from "yjs";
import { ApiError } from "../api/http.ts";
import type { FailureKind, Outcome } from "./outbox-replayer.ts";
import type { ReasonWords } from "../api/reason-words.ts";
import { overrideOffer, refusalWords, refusedWords } from "./refusal-words.ts";

export interface OutcomeEffects {
  /** Text to put back into this conversation's shared draft. */
  draft?: { conversationId: string; text: string };
  /** Said to the agent in an alert. */
  notice?: string;
  /** Offered with the notice: a button sending this command (e.g. "Assign anyway" over capacity). */
  action?: { label: string; command: Command };
}

/** `reasonWords`: http.ts `loadReasonWords()`'s answer (a chunk of its own, issue 17). */
export function outcomeEffects({ entry, result }: Outcome, reasonWords: ReasonWords): OutcomeEffects {
  if (result.ok) return {};
  const command = entry.command;
  // Marking read is housekeeping: if it fails the badge simply stays.
  if (command.type === "read") return {};
  // A refused template is not free text the agent could send instead: only the reason is said.
  if (command.type === "reply" && command.template) return { notice: reasonWords(result.fields) ?? result.message };
  if (command.type === "reply" && result.keepAsDraft) {
    return { draft: { conversationId: command.conversationId, text: command.text }, notice: reasonWords(result.fields) ?? result.message };
  }
  const action = overrideOffer(command, result);
  return { notice: refusalWords(command, result) ?? reasonWords(result.fields) ?? result.message, ...(action ? { action } : {}) };
}

/** How the local database changes once a batch is answered. */
export interface SettlePlan {
  /** Answered for good: remove from the outbox. */
  remove: number[];
  /** Accepted replies whose server copy has not arrived: keep showing them, never send again. */
  done: number[];
  messages: Message[];
  conversations: Conversation[];
}

export function settlePlan(outcomes: readonly Outcome[]): SettlePlan {
  const plan: SettlePlan = { remove: [], done: [], messages: [], conversations: [] };
  const conversations = new Map<string, Conversation>();
  for (const { entry, result } of outcomes) {
    if (result.ok && result.conversation) conversations.set(result.conversation.id, result.conversation);
    if (result.ok && entry.command.type === "reply") {
      if (result.message) {
        plan.messages.push(result.message);
        plan.remove.push(entry.seq);
      } else {
        plan.done.push(entry.seq);
      }
      continue;
    }
    plan.remove.push(entry.seq);
  }
  // Later answers are newer: the last copy of each conversation wins.
  plan.conversations = [...conversations.values()];
  return plan;
}

/** Statuses that mean "not now" rather than "no": the same request is tried again later. */
const RETRY_STATUSES = new Set([404, 405, 408, 425, 429, 501]);

export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return "retry";
  if (error.code === "network" || error.code === "bad_response") return "retry";
  if (error.status === 401) return "stop";
  if (error.status >= 500 || RETRY_STATUSES.has(error.status)) return "retry";
  return "refused";
}

/** A command the server refused outright, as the answer the rest of the app understands. */
export function refusalResult(command: Command, error: unknown): CommandResult {
  const message = error instanceof ApiError ? error.message : refusedWords();
  const keepAsDraft = command.type === "reply";
  return {
    clientId: command.clientId,
    ok: false,
    code: error instanceof ApiError ? error.code : "bad_request",
    message: keepAsDraft ? `${message} Your reply was kept as a draft.` : message,
    keepAsDraft,
  };
}

/**
 * Puts refused text back into a draft without losing what is there: after it, on a new line.
 * Text already in the draft is not added twice (a replay after a crash answers the same).
 */
export function appendToDraft(draft: Y.Text, text: string): void {
  const current = draft.toString();
  if (current.includes(text)) return;
  const doc = draft.doc;
  const apply = () => {
    if (current.length > 0 && !current.endsWith("\n")) draft.insert(draft.length, "\n");
    draft.insert(draft.length, text);
  };
  if (doc) doc.transact(apply);
  else apply();
}
