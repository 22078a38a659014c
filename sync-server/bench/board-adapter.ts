import type { Page } from "playwright-core";
import * as Y from "yjs";
import { TEAM_CONVERSATIONS, type Conversation } from "@inbox/shared";

// The one place that says which room the supervision bench (section h) watches and when an
// event counts as visible there. It points at the team list room (`team.<teamId>`) today; the
// board's own room (`board.<teamId>`) plugs in as another `BoardAdapter` and a change of
// `BOARD_ADAPTER` below. Nothing else in the bench knows the room's layout.

/** An event the bench causes through the server's real routes, with what it should change. */
export type BoardEvent =
  | { kind: "message"; conversationId: string; text: string }
  | { kind: "assigned"; conversationId: string; assigneeId: string | null }
  | { kind: "status"; conversationId: string; status: "open" | "pending" };

export interface BoardAdapter {
  /** Printed with the figures. */
  label: string;
  /** The room a board client joins for a team (`/sync/<room>`). */
  room(teamId: string): string;
  /** Whether the room's document shows the event yet (called on every update the client receives). */
  visible(doc: Y.Doc, event: BoardEvent): boolean;
  /** Whether the document holds the whole fixture (the client is ready to be measured). */
  loaded(doc: Y.Doc, waitingChats: number): boolean;
  /** The PWA screen a wall display keeps open for this room, signed in as a supervisor. */
  display: {
    path: string;
    /** Resolves when the screen shows the team's `waitingChats` chats. */
    ready(page: Page, waitingChats: number): Promise<void>;
  };
}

/** Today's board: the team's conversation list room, and the inbox list on screen. */
export const teamListAdapter: BoardAdapter = {
  label: "team list room (team.<teamId>) and the inbox list",
  room: (teamId) => `team.${teamId}`,
  visible(doc, event) {
    const c = doc.getMap<Conversation>(TEAM_CONVERSATIONS).get(event.conversationId);
    if (!c) return false;
    if (event.kind === "message") return c.lastMessagePreview === event.text;
    if (event.kind === "assigned") return c.assigneeId === event.assigneeId;
    return c.status === event.status;
  },
  loaded: (doc, waitingChats) => doc.getMap(TEAM_CONVERSATIONS).size >= waitingChats,
  display: {
    path: "/",
    async ready(page, waitingChats) {
      await page.waitForFunction(
        (n) => {
          const row = document.querySelector('nav[aria-label="Conversations"] [aria-setsize]');
          return row !== null && Number(row.getAttribute("aria-setsize")) >= n;
        },
        waitingChats,
        { timeout: 180_000, polling: 250 },
      );
    },
  },
};

/**
 * What section (h) measures. After the board lands, write `boardRoomAdapter` (room
 * `board.${teamId}`, `visible` reading the board document's queue entry for the chat, `display`
 * the supervision screen) and set it here.
 */
export const BOARD_ADAPTER: BoardAdapter = teamListAdapter;
