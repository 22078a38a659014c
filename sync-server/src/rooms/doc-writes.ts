import * as Y from "yjs";
import {
  CONV_MESSAGES,
  CONV_META,
  CONV_META_KEY,
  TEAM_CONVERSATIONS,
  TEAM_INBOXES,
  type Conversation,
  type Inbox,
  type Message,
} from "@inbox/shared";

// How server-authored records are written into the Yjs documents (layout: shared/protocol/rooms.ts).
// Writes are skipped when the value is unchanged so replays and reconciles add no history.

export function setIfChanged(map: Y.Map<unknown>, key: string, value: object): void {
  const current = map.get(key);
  if (current !== undefined && JSON.stringify(current) === JSON.stringify(value)) return;
  map.set(key, value);
}

export function writeTeamConversations(doc: Y.Doc, list: Conversation[]): void {
  const map = doc.getMap(TEAM_CONVERSATIONS);
  doc.transact(() => {
    for (const c of list) setIfChanged(map, c.id, c);
  }, "server");
}

/** Removes a conversation from a team's list (moved to another team). */
export function removeTeamConversation(doc: Y.Doc, id: string): void {
  const map = doc.getMap(TEAM_CONVERSATIONS);
  if (map.has(id)) doc.transact(() => map.delete(id), "server");
}

export function writeConversationDoc(doc: Y.Doc, conversation: Conversation | null, messages: Message[]): void {
  const meta = doc.getMap(CONV_META);
  const map = doc.getMap(CONV_MESSAGES);
  doc.transact(() => {
    if (conversation) setIfChanged(meta, CONV_META_KEY, conversation);
    for (const m of messages) setIfChanged(map, m.id, m);
  }, "server");
}

/** The team's channels and their state (active, disabled, token expired, rate limited). */
export function writeTeamInbox(doc: Y.Doc, inbox: Inbox): void {
  const map = doc.getMap(TEAM_INBOXES);
  doc.transact(() => setIfChanged(map, inbox.id, inbox), "server");
}
