/**
 * Conversation list slice: the live rows from every team room the user can see, the active
 * filter tab, and local command results shown until the rooms catch up.
 */
import type { Conversation, ListFilter } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import { api } from "../api/endpoints.ts";
import { summarizeConnection, type ConnectionSummary } from "../sync/connection.ts";
import { createTeamRooms } from "../sync/team-rooms.ts";
import { countByFilter, mergeConversationSources, visibleConversations } from "./conversation-list.ts";
import { applyOverrides, resolveOverride, type Override } from "./overrides.ts";
import type { SessionSlice } from "./session.ts";

export interface ConversationsSlice {
  filter: Accessor<ListFilter>;
  setFilter(filter: ListFilter): void;
  /** Every visible-to-me conversation, unsorted. */
  all: Accessor<Conversation[]>;
  /** The active tab's rows, newest activity first. */
  visible: Accessor<Conversation[]>;
  counts: Accessor<Record<ListFilter, number>>;
  byId(id: string): Conversation | undefined;
  /** The freshest known state of a conversation, also for ones not in any team room. */
  resolve(id: string, fallback: Conversation | null): Conversation | null;
  /** Shows a command's answer at once, until the live rooms deliver something newer. */
  applyCommandResult(conversation: Conversation): void;
  /** True until the first rows are known (REST or a synced room). */
  loading: Accessor<boolean>;
  connection: Accessor<ConnectionSummary>;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function createConversationsSlice(session: SessionSlice): ConversationsSlice {
  const userId = () => session.me()?.user.id ?? "";
  const teamIds = createMemo(() => session.me()?.teams.map((t) => t.id) ?? [], [], { equals: sameIds });
  const rooms = createTeamRooms(teamIds);

  // Command answers shown before the rooms echo them (see overrides.ts).
  const [overrides, setOverrides] = createSignal<ReadonlyMap<string, Override>>(new Map());

  // First paint before the sockets sync: the REST list, once per signed-in user.
  const [rest, setRest] = createSignal<Conversation[] | null>(null);
  const [restFailed, setRestFailed] = createSignal(false);
  createEffect(
    on(userId, (uid) => {
      setRest(null);
      setRestFailed(false);
      setOverrides(new Map());
      if (!uid) return;
      api.listConversations("all").then(
        (r) => userId() === uid && setRest(r.conversations),
        () => userId() === uid && setRestFailed(true),
      );
    }),
  );

  const live = createMemo(() =>
    mergeConversationSources(
      rest(),
      rooms().map((r) => ({ teamId: r.teamId, synced: r.synced(), conversations: r.conversations() })),
    ),
  );
  const liveById = createMemo(() => new Map(live().map((c) => [c.id, c])));
  const all = createMemo(() => applyOverrides(live(), overrides()));
  const allById = createMemo(() => new Map(all().map((c) => [c.id, c])));

  const [filter, setFilter] = createSignal<ListFilter>("all");
  const visible = createMemo(() => visibleConversations(all(), filter(), userId()));
  const counts = createMemo(() => countByFilter(all(), userId()));

  const [online, setOnline] = createSignal(navigator.onLine);
  const onOnline = () => setOnline(true);
  const onOffline = () => setOnline(false);
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  onCleanup(() => {
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
  });

  return {
    filter,
    setFilter,
    all,
    visible,
    counts,
    byId: (id) => allById().get(id),
    resolve: (id, fallback) => {
      const listed = allById().get(id);
      if (listed) return listed;
      return resolveOverride(fallback ?? undefined, overrides().get(id)) ?? null;
    },
    applyCommandResult: (conversation) => {
      const next = new Map(overrides());
      next.set(conversation.id, { conversation, baseline: liveById().get(conversation.id) });
      setOverrides(next);
    },
    loading: () => rest() === null && !restFailed() && !rooms().some((r) => r.synced()),
    connection: () => summarizeConnection(rooms().map((r) => r.status()), online()),
  };
}
