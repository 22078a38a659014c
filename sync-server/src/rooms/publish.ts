import { roomName, type Conversation, type Message } from "@inbox/shared";
import type { LiveRooms } from "./live-rooms.ts";

// `contactId` is not used any more (web chat pushes go to the conversation's visitor); kept so callers need no change.
type ConversationRef = Pick<Conversation, "id" | "channel"> & Partial<Pick<Conversation, "contactId">>;

/** Where a web chat conversation's messages go to its visitor's widget (widget/visitor-push.ts). */
export interface VisitorPusher {
  push(conversationId: string, messages: Message[]): void;
}

/** What publishing needs: the live rooms, and the visitors' widgets. */
export interface Publishes {
  live: LiveRooms;
  visitorPush: VisitorPusher;
}

/**
 * After a change is committed to libSQL, the server writes its outcome into the live rooms
 * (`core.live`: rooms not loaded anywhere catch up when they load) and into the widget of the
 * conversation's own visitor (web chat).
 * Pass only a conversation read in the same transaction as the change: a stale copy would
 * overwrite newer state in the rooms.
 */
export function publish(core: Publishes, conversation: Conversation, messages: Message[] = []): void {
  core.live.apply(roomName({ kind: "team", id: conversation.teamId }), [{ kind: "team.conversations", conversations: [conversation] }]);
  writeToConversation(core, conversation, conversation, messages);
}

/**
 * Several committed conversation changes at once (a batch of routing offers): one op per team
 * room rather than one per conversation, then each conversation's own room. `holderOnly`: the
 * changes only moved who holds the chats (see RoomOp).
 */
export function publishAll(core: Publishes, list: readonly Conversation[], opts: { holderOnly?: boolean } = {}): void {
  const byTeam = new Map<string, Conversation[]>();
  for (const c of list) {
    const team = byTeam.get(c.teamId);
    if (team) team.push(c);
    else byTeam.set(c.teamId, [c]);
  }
  for (const [teamId, conversations] of byTeam) core.live.apply(roomName({ kind: "team", id: teamId }), [{ kind: "team.conversations", conversations, ...(opts.holderOnly ? { holderOnly: true } : {}) }]);
  for (const c of list) writeToConversation(core, c, c, []);
}

/** Message changes only (delivery status), leaving the conversation's state alone. */
export function publishMessages(core: Publishes, ref: ConversationRef, messages: Message[]): void {
  writeToConversation(core, ref, null, messages);
}

function writeToConversation(core: Publishes, ref: ConversationRef, conversation: Conversation | null, messages: Message[]): void {
  core.live.apply(roomName({ kind: "conv", id: ref.id }), [{ kind: "conv", conversation, messages }]);
  if (ref.channel === "webchat") core.visitorPush.push(ref.id, messages);
}
