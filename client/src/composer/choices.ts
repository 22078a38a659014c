/**
 * Buttons or quick replies on a reply: what the editor holds, and the message content it
 * becomes. Pure. Ids are the choices' positions: the customer's answer quotes the title.
 */
import type { MessageContent } from "@inbox/shared";
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";

export type ChoiceKind = "buttons" | "quick_replies";

export interface Choices {
  kind: ChoiceKind;
  titles: string[];
}

/** The kinds this channel can send, in the order offered; empty hides the editor. */
export function choiceKinds(caps: ChannelCapabilities | null): ChoiceKind[] {
  if (!caps) return [];
  const out: ChoiceKind[] = [];
  if (caps.maxButtons > 0) out.push("buttons");
  if (caps.maxQuickReplies > 0) out.push("quick_replies");
  return out;
}

export function maxChoices(caps: ChannelCapabilities | null, kind: ChoiceKind): number {
  if (!caps) return 0;
  return kind === "buttons" ? caps.maxButtons : caps.maxQuickReplies;
}

export type ChoicesResult = { ok: true; content: Extract<MessageContent, { kind: ChoiceKind }> } | { ok: false; problem: "needText" | "emptyTitle" };

export function choicesContent(text: string, choices: Choices): ChoicesResult {
  if (!text.trim()) return { ok: false, problem: "needText" };
  const titles = choices.titles.map((s) => s.trim());
  if (titles.length === 0 || titles.some((s) => !s)) return { ok: false, problem: "emptyTitle" };
  const items = titles.map((title, i) => ({ id: String(i + 1), title }));
  return {
    ok: true,
    content: choices.kind === "buttons" ? { kind: "buttons", text: text.trim(), buttons: items } : { kind: "quick_replies", text: text.trim(), replies: items },
  };
}
