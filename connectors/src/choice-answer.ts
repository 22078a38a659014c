import type { MessageContent } from "@inbox/shared";

/** The longest choice id the canonical content keeps (`Choice.id` in shared/src/domain/message.ts). */
const MAX_CHOICE_ID_LENGTH = 256;

/**
 * A tap on one of our buttons / quick replies: the text is the choice's title (what the customer
 * "said"), `replyTo.choiceId` the id the platform echoed back (postback payload, callback data,
 * button reply id), so the answer links to its question by id even when titles repeat or were
 * cut. A payload that cannot be a choice id (empty, too long, or the index stand-in a connector
 * sent because the id did not fit, `isStandIn`) is left out: linking then falls back to the title.
 */
export function choiceAnswer(text: string, payload: string | undefined, isStandIn: (payload: string) => boolean = () => false): Extract<MessageContent, { kind: "text" }> {
  if (!payload || payload.length > MAX_CHOICE_ID_LENGTH || isStandIn(payload)) return { kind: "text", text };
  return { kind: "text", text, replyTo: { choiceId: payload } };
}
