import type * as Y from "yjs";
import { BOARD_MAP, boardEntries, canSeeConversation, TEAM_CONVERSATIONS, type Conversation, type Inbox, type Message, type Permissions, type Role, type TeamBoard } from "@inbox/shared";
import { USER_NOTIFICATIONS, type Notification } from "@inbox/shared/api/content";
import { addWorkLabels, eraseWorkDoc, writeCustomerTyping, removeTeamConversation, setIfChanged, writeConversationDoc, writeTeamConversations, writeTeamInbox } from "./doc-writes.ts";

/**
 * Every write the server makes into a live room, as plain JSON: built after a commit and applied
 * wherever the room lives (this process's registry on Node, the room's Durable Object on Workers).
 * Values are whole records, so applying an op twice changes nothing the second time (except
 * `team.touch`, which exists to make a change).
 */
export type RoomOp =
  /**
   * `team.<id>`: conversations as the list shows them (added or changed). `holderOnly`: only
   * who holds them changed (routing's offers), nothing an SLA clock reads (sla/ skips them).
   */
  | { kind: "team.conversations"; conversations: Conversation[]; holderOnly?: boolean }
  /** `team.<id>`: a conversation leaves this team's list (moved to another team). */
  | { kind: "team.conversation.removed"; id: string }
  /**
   * `team.<id>`: writes these conversations again even though they are unchanged, so devices
   * pull (a contact's details changed, not the conversation). Adds history on purpose.
   */
  | { kind: "team.touch"; conversations: Conversation[] }
  /** `team.<id>`: a channel of the team and its state (active, disabled, token expired…). */
  | { kind: "team.inbox"; inbox: Inbox }
  /** `conv.<id>`: the conversation's state (null: leave it) and messages added or changed. */
  | { kind: "conv"; conversation: Conversation | null; messages: Message[] }
  /** `conv.<id>`: the web chat visitor is typing or stopped (`at`: the server's time of the signal). */
  | { kind: "conv.typing"; typing: boolean; at: number }
  /** `user.<id>`: notifications added or changed (read). */
  | { kind: "user.notifications"; notifications: Notification[] }
  /** `user.<id>`: notifications whose conversation was deleted (retention). */
  | { kind: "user.notifications.removed"; ids: string[] }
  /** `work.<id>`: the customer was erased: every note says `text` instead, and the shared draft is emptied. */
  | { kind: "work.erase"; text: string }
  /** `work.<id>`: labels the server added (routing rules), set in the labels map. */
  | { kind: "work.labels"; labels: string[] }
  /**
   * `mine.<userId>`: a narrow-scope person's list. Each conversation is written when they may
   * see it and removed when they may not (reassigned away); the viewer travels with the op so it
   * applies the same wherever the room lives.
   */
  | { kind: "mine.conversations"; viewer: ListViewer; conversations: Conversation[] }
  /** `board.<id>`: the team's whole board; only its entries that changed are rewritten. */
  | { kind: "board"; board: TeamBoard };

/** Whose narrow list a `mine.conversations` op writes. */
export interface ListViewer {
  id: string;
  role: Role;
  permissions: Permissions;
  teamIds: string[];
}

/** Applies one op to a room's document; pure (no I/O), the same on every runtime. */
export function applyRoomOp(doc: Y.Doc, op: RoomOp): void {
  switch (op.kind) {
    case "team.conversations":
      return writeTeamConversations(doc, op.conversations);
    case "team.conversation.removed":
      return removeTeamConversation(doc, op.id);
    case "team.touch": {
      const map = doc.getMap(TEAM_CONVERSATIONS);
      return doc.transact(() => op.conversations.forEach((c) => map.set(c.id, c)), "server");
    }
    case "team.inbox":
      return writeTeamInbox(doc, op.inbox);
    case "conv":
      return writeConversationDoc(doc, op.conversation, op.messages);
    case "conv.typing":
      return writeCustomerTyping(doc, op.typing, op.at);
    case "user.notifications": {
      const map = doc.getMap(USER_NOTIFICATIONS);
      return doc.transact(() => op.notifications.forEach((n) => setIfChanged(map, n.id, n)), "server");
    }
    case "user.notifications.removed": {
      const map = doc.getMap(USER_NOTIFICATIONS);
      return doc.transact(() => op.ids.forEach((id) => map.delete(id)), "server");
    }
    case "mine.conversations": {
      const map = doc.getMap(TEAM_CONVERSATIONS);
      return doc.transact(() => {
        for (const c of op.conversations) {
          if (canSeeConversation(op.viewer, c)) setIfChanged(map, c.id, c);
          else if (map.has(c.id)) map.delete(c.id);
        }
      }, "server");
    }
    case "work.erase":
      return eraseWorkDoc(doc, op.text);
    case "work.labels":
      return addWorkLabels(doc, op.labels);
    case "board": {
      const map = doc.getMap(BOARD_MAP);
      const entries = boardEntries(op.board);
      return doc.transact(() => {
        for (const [key, value] of entries) setIfChanged(map, key, value);
        for (const key of [...map.keys()]) if (!entries.has(key)) map.delete(key);
      }, "server");
    }
  }
}
