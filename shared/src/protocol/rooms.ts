/**
 * Yjs rooms the sync server serves over `/sync/<room>` (y-websocket protocol).
 *
 * - `team.<teamId>`: the live conversation list of one team. Y.Map "conversations":
 *   conversation id → Conversation (plain JSON). Server-authored; read-only for clients.
 * - `conv.<conversationId>`: one conversation's customer-facing timeline and state.
 *   Y.Map "messages": message id → Message; Y.Map "meta": "conversation" → Conversation.
 *   Server-authored; read-only for clients (they change it through commands).
 *
 * - `work.<conversationId>`: what agents edit together and must merge after offline work.
 *   Y.Map "notes": note id → Note; Y.Text "draft": the shared reply draft; Y.Map "labels":
 *   label → true. Writable by everyone who may see the conversation; the server records note
 *   and label changes as events and mirrors labels into the conversation.
 *
 * - `user.<userId>`: one user's notifications (colleagues' @mentions). Y.Map "notifications":
 *   id → Notification (shared/src/api/content.ts). Server-authored, read-only; only that user may join.
 *
 * - `mine.<userId>`: the live list of someone whose role sees only some of their teams' chats
 *   (assigned to them, or those and the unassigned ones): the same maps as a team room, holding
 *   only those chats. Server-authored, read-only; only that user may join.
 *
 * - `board.<teamId>`: the supervisor's live board of one team. Y.Map "board": the TeamBoard
 *   (shared/src/domain/board.ts) as entries (protocol/board-room.ts). Server-authored, read-only,
 *   never stored; admins and the team's supervisors only.
 *
 * Clients may write only to rooms listed as writable; see PROTOCOL.md.
 */
export const PROTOCOL_VERSION = 1;

/** Every kind of room; the access matrix test checks that each has a row. */
export const ROOM_KINDS = ["team", "conv", "work", "user", "board", "mine"] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export type RoomRef = { kind: RoomKind; id: string };

const ROOM_RE = new RegExp(`^(${ROOM_KINDS.join("|")})\\.([A-Za-z0-9_-]{1,128})$`);

export function roomName(ref: RoomRef): string {
  return `${ref.kind}.${ref.id}`;
}

export function parseRoomName(name: string): RoomRef | null {
  const m = ROOM_RE.exec(name);
  if (!m) return null;
  return { kind: m[1] as RoomRef["kind"], id: m[2]! };
}

/**
 * Rooms whose document is rebuilt from the record whenever it is loaded and is never stored: a
 * board is replaced whole many times a second, and its history is worth nothing.
 */
export function roomIsStored(name: string): boolean {
  return parseRoomName(name)?.kind !== "board";
}

export const TEAM_CONVERSATIONS = "conversations";
/** Team room: inbox id → Inbox (public fields, including its channel status). */
export const TEAM_INBOXES = "inboxes";
export const CONV_MESSAGES = "messages";
export const CONV_META = "meta";
export const CONV_META_KEY = "conversation";
/**
 * Conv room meta: whether the web chat visitor is typing (`CustomerTyping`), written by the server
 * from the widget's typing frames; a state not renewed for a few seconds counts as stopped.
 */
export const CONV_META_CUSTOMER_TYPING = "customerTyping";

export const WORK_NOTES = "notes";
export const WORK_DRAFT = "draft";
export const WORK_LABELS = "labels";

/** Board room: the team's board as entries (protocol/board-room.ts), rewritten as events happen. */
export const BOARD_MAP = "board";
