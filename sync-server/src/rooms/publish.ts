import { roomName, type Conversation, type Message } from "@inbox/shared";
import type { Core } from "../core.ts";
import { pushToVisitor } from "../widget/visitor-push.ts";

// `contactId` is not used any more (web chat pushes go to the conversation's visitor); kept so callers need no change.
type ConversationRef = Pick<Conversation, "id" | "channel"> & Partial<Pick<Conversation, "contactId">>;

/**
 * After a change is committed to libSQL, the server writes its outcome into the live rooms
 * (`core.live`: rooms not loaded anywhere catch up when they load) and into the widget of the
 * conversation's own visitor (web chat).
 * Pass only a conversation read in the same transaction as the change: a stale copy would
 * overwrite newer state in the rooms.
 */
export function publish(core: Core, conversation: Conversation, messages: Message[] = []): void {
  core.live.apply(roomName({ kind: "team", id: conversation.teamId }), [{ kind: "team.conversations", conversations: [conversation] }]);
  writeToConversation(core, conversation, conversation, messages);
}

/** Message changes only (delivery status), leaving the conversation's state alone. */
export function publishMessages(core: Core, ref: ConversationRef, messages: Message[]): void {
  writeToConversation(core, ref, null, messages);
}

function writeToConversation(core: Core, ref: ConversationRef, conversation: Conversation | null, messages: Message[]): void {
  core.live.apply(roomName({ kind: "conv", id: ref.id }), [{ kind: "conv", conversation, messages }]);
  if (ref.channel === "webchat") pushToVisitor(core, ref.id, messages);
}
