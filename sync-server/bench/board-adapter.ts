import type { Page } from "playwright-core";
import * as Y from "yjs";
import { BOARD_MAP, boardFromEntries, TEAM_CONVERSATIONS, type Conversation, type TeamBoard } from "@inbox/shared";

// The one place that says which room the supervision bench (section h) watches and when an
// event counts as visible there: the board's own room (`board.<teamId>`), or the team list room
// it is compared with. Nothing else in the bench knows the rooms' layout.

/** An event the bench causes through the server's real routes, with what it should change. */
export type BoardEvent =
  | { kind: "message"; conversationId: string; text: string }
  | { kind: "assigned"; conversationId: string; assigneeId: string | null }
  | { kind: "status"; conversationId: string; status: "open" | "pending" };

export interface BoardAdapter {
  /** Printed with the figures. */
  label: string;
  /** The events the stream sends: those whose outcome this room shows for one chat. */
  kinds: readonly BoardEvent["kind"][];
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
  kinds: ["message", "assigned", "status"],
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
 * The supervision board: the `board.<teamId>` room and the Supervision screen. A board shows a
 * chat's assignment for any chat (the agent's open list, or in no agent's list once unassigned);
 * a customer's message or a status toggle of one chat among 2,000 changes only counts, which
 * cannot say which event they show, so the stream sends assignments only.
 */
export const boardRoomAdapter: BoardAdapter = {
  label: "board room (board.<teamId>) and the Supervision screen",
  kinds: ["assigned"],
  room: (teamId) => `board.${teamId}`,
  visible(doc, event) {
    const map = doc.getMap(BOARD_MAP);
    const board = boardFromEntries((key) => map.get(key)) as TeamBoard | null;
    if (!board || event.kind !== "assigned") return false;
    const holder = board.agents.find((a) => a.open.some((c) => c.id === event.conversationId));
    return event.assigneeId === null ? holder === undefined : holder?.id === event.assigneeId;
  },
  loaded(doc, waitingChats) {
    const map = doc.getMap(BOARD_MAP);
    const board = boardFromEntries((key) => map.get(key)) as TeamBoard | null;
    return board !== null && (board.team.counts?.waiting ?? 0) >= waitingChats;
  },
  display: {
    path: "/supervision",
    // The board arrives whole, in one transaction: once it shows the queue, it holds all of it (the stream
    // has taken some chats off the queue by now, so the count is below the fixture's).
    async ready(page) {
      await page.waitForFunction(() => [...document.querySelectorAll('[data-count="waiting"] .board-tile-value')].some((el) => Number(el.textContent) > 0), undefined, {
        timeout: 180_000,
        polling: 250,
      });
    },
  },
};

/** What section (h) measures. */
export const BOARD_ADAPTER: BoardAdapter = boardRoomAdapter;
