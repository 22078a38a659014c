import * as Y from "yjs";
import {
  CONV_MESSAGES,
  CONV_META,
  CONV_META_CUSTOMER_TYPING,
  CONV_META_KEY,
  TEAM_CONVERSATIONS,
  TEAM_INBOXES,
  WORK_DRAFT,
  WORK_LABELS,
  WORK_NOTES,
  type Conversation,
  type Inbox,
  type Message,
} from "@inbox/shared";

// How server-authored records are written into the Yjs documents (layout: shared/protocol/rooms.ts).
// Writes are skipped when the value is unchanged so replays and reconciles add no history.

/**
 * The JSON of values this process wrote, by the stored object: a board rewrites its hundred
 * entries on every change, and stringifying each current value again doubled the cost. Y.Map
 * hands back the object it was given, so an entry still holding our write is found here; one
 * that came from a peer's update is a new object and is stringified as before.
 */
const written = new WeakMap<object, string>();

export function setIfChanged(map: Y.Map<unknown>, key: string, value: object): void {
  const current = map.get(key);
  if (current === value) return;
  const json = JSON.stringify(value);
  if (current !== undefined && (typeof current === "object" && current !== null ? (written.get(current) ?? JSON.stringify(current)) : JSON.stringify(current)) === json) return;
  map.set(key, value);
  written.set(value, json);
}

export function writeTeamConversations(doc: Y.Doc, list: Conversation[]): void {
  const map = doc.getMap(TEAM_CONVERSATIONS);
  doc.transact(() => {
    for (const c of list) setIfChanged(map, c.id, c);
  }, "server");
}

/** Removes those of `ids` a team's list holds (moved to another team, deleted), in one transaction. */
export function removeTeamConversations(doc: Y.Doc, ids: Iterable<string>): void {
  const map = doc.getMap(TEAM_CONVERSATIONS);
  const held = [...ids].filter((id) => map.has(id));
  if (held.length) doc.transact(() => held.forEach((id) => map.delete(id)), "server");
}

/** A list room holds exactly `list`: each written if it changed, every other one removed (a room loaded whole from the record). */
export function replaceTeamConversations(doc: Y.Doc, list: Conversation[]): void {
  writeTeamConversations(doc, list);
  const keep = new Set(list.map((c) => c.id));
  removeTeamConversations(doc, [...doc.getMap(TEAM_CONVERSATIONS).keys()].filter((id) => !keep.has(id)));
}

/** Removes a conversation from a team's list (moved to another team). */
export function removeTeamConversation(doc: Y.Doc, id: string): void {
  removeTeamConversations(doc, [id]);
}

export function writeConversationDoc(doc: Y.Doc, conversation: Conversation | null, messages: Message[]): void {
  const meta = doc.getMap(CONV_META);
  const map = doc.getMap(CONV_MESSAGES);
  doc.transact(() => {
    if (conversation) setIfChanged(meta, CONV_META_KEY, conversation);
    for (const m of messages) setIfChanged(map, m.id, m);
  }, "server");
}

/** The visitor's typing signal in the conversation's meta map (`CONV_META_CUSTOMER_TYPING`). */
export function writeCustomerTyping(doc: Y.Doc, typing: boolean, at: number): void {
  doc.transact(() => doc.getMap(CONV_META).set(CONV_META_CUSTOMER_TYPING, { typing, at }), "server");
}

/**
 * A work document of an erased customer: each note keeps its id, author and time (so counts and
 * who-wrote-what stay) but says `text` instead; the shared draft is emptied. Written as the
 * server, so the work room's watcher neither judges nor records it.
 */
export function eraseWorkDoc(doc: Y.Doc, text: string): void {
  const notes = doc.getMap(WORK_NOTES);
  const draft = doc.getText(WORK_DRAFT);
  doc.transact(() => {
    for (const [id, value] of [...notes.entries()]) {
      if (value && typeof value === "object" && (value as { text?: unknown }).text !== text) notes.set(id, { ...(value as object), text });
    }
    if (draft.length > 0) draft.delete(0, draft.length);
  }, "server");
}

/**
 * Labels the server added to a conversation (routing rules) put into its work document, the
 * labels' truth on devices; ones already there are left alone. Written as the server, so the
 * work room's watcher does not record them again.
 */
export function addWorkLabels(doc: Y.Doc, labels: readonly string[]): void {
  const map = doc.getMap(WORK_LABELS);
  const missing = labels.filter((l) => map.get(l) !== true);
  if (missing.length) doc.transact(() => missing.forEach((l) => map.set(l, true)), "server");
}

/** The team's channels and their state (active, disabled, token expired, rate limited). */
export function writeTeamInbox(doc: Y.Doc, inbox: Inbox): void {
  const map = doc.getMap(TEAM_INBOXES);
  doc.transact(() => setIfChanged(map, inbox.id, inbox), "server");
}
