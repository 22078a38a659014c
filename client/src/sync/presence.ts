/**
 * Presence: "Ana is viewing", "Ana is typing a reply", so two agents do not answer the same
 * customer. It travels as Yjs awareness in the conversation's team room, which exactly the
 * people who may see the conversation can join (the server checks before the upgrade, and
 * stamps every state with the socket's signed-in user). Nothing is stored: a state disappears
 * when the agent closes the chat, when the socket closes (offline, tab closed), and at the
 * latest when it stops being renewed (awareness times out after 30 s).
 *
 * The composer reports typing through `setComposing`; the rest follows the selection.
 */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from "solid-js";
import type { Awareness } from "y-protocols/awareness";
import { z } from "zod";

export type ComposingKind = "reply" | "note";
export type Activity = "viewing" | ComposingKind;

export interface Colleague {
  userId: string;
  name: string;
  activity: Activity;
}

/** Typing counts as typing for this long after the last keystroke. */
const TYPING_IDLE_MS = 5_000;

const PresenceStateSchema = z.object({
  user: z.object({ id: z.string(), name: z.string() }),
  conversationId: z.string(),
  activity: z.enum(["viewing", "reply", "note"]),
});
type PresenceState = z.infer<typeof PresenceStateSchema>;

// ---------- team rooms register their awareness here ----------
const [teamAwareness, setTeamAwareness] = createSignal<ReadonlyMap<string, Awareness>>(new Map());

/** Called by each team room as it opens; the returned function unregisters it. */
export function registerTeamAwareness(teamId: string, awareness: Awareness): () => void {
  setTeamAwareness((prev) => new Map(prev).set(teamId, awareness));
  return () =>
    setTeamAwareness((prev) => {
      if (prev.get(teamId) !== awareness) return prev;
      const next = new Map(prev);
      next.delete(teamId);
      return next;
    });
}

// ---------- the composer says when the agent types ----------
const [composing, setComposingSignal] = createSignal<{ conversationId: string; kind: ComposingKind } | null>(null);
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** The agent typed in the reply or note box of this conversation (null: stopped, e.g. sent). */
export function setComposing(conversationId: string, kind: ComposingKind | null): void {
  clearTimeout(idleTimer);
  if (kind === null) {
    setComposingSignal(null);
    return;
  }
  const current = composing();
  if (current?.conversationId !== conversationId || current.kind !== kind) setComposingSignal({ conversationId, kind });
  idleTimer = setTimeout(() => setComposingSignal(null), TYPING_IDLE_MS);
}

// ---------- pure rules ----------
const RANK: Record<Activity, number> = { viewing: 0, note: 1, reply: 2 };

/**
 * Colleagues per conversation from a room's awareness states, leaving out this user (on any of
 * their tabs). One entry per person, with what they do most visibly (typing over viewing).
 */
export function colleaguesByConversation(states: Iterable<[number, unknown]>, meId: string): Map<string, Colleague[]> {
  const best = new Map<string, Map<string, Colleague>>();
  for (const [, raw] of states) {
    const parsed = PresenceStateSchema.safeParse(raw);
    if (!parsed.success || parsed.data.user.id === meId) continue;
    const { user, conversationId, activity } = parsed.data;
    let people = best.get(conversationId);
    if (!people) best.set(conversationId, (people = new Map()));
    const prev = people.get(user.id);
    if (!prev || RANK[activity] > RANK[prev.activity]) people.set(user.id, { userId: user.id, name: user.name, activity });
  }
  const out = new Map<string, Colleague[]>();
  for (const [id, people] of best) out.set(id, [...people.values()].sort((a, b) => a.name.localeCompare(b.name)));
  return out;
}

/** This user's state for one team room: present only in the room of the open conversation's team. */
export function localPresence(
  me: { id: string; name: string } | null,
  open: { id: string; teamId: string } | null,
  typing: { conversationId: string; kind: ComposingKind } | null,
  teamId: string,
): PresenceState | null {
  if (!me || !open || open.teamId !== teamId) return null;
  const activity: Activity = typing && typing.conversationId === open.id ? typing.kind : "viewing";
  return { user: { id: me.id, name: me.name }, conversationId: open.id, activity };
}

function sameState(a: unknown, b: PresenceState | null): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b);
}

// ---------- the slice ----------
export interface PresenceSlice {
  /** Colleagues on this conversation (never this user), by name. */
  colleagues(conversationId: string): Colleague[];
}

export function createPresenceSlice(
  me: Accessor<{ id: string; name: string } | null>,
  open: Accessor<{ id: string; teamId: string } | null>,
): PresenceSlice {
  // Say where this user is, in each team room (null in all but the open conversation's team).
  createEffect(() => {
    const user = me();
    const conversation = open();
    const typing = composing();
    for (const [teamId, awareness] of teamAwareness()) {
      const next = localPresence(user, conversation, typing, teamId);
      if (!sameState(awareness.getLocalState(), next)) awareness.setLocalState(next);
    }
  });

  // Listen to everyone else's.
  const [version, setVersion] = createSignal(0);
  createEffect(() => {
    for (const awareness of teamAwareness().values()) {
      const bump = () => setVersion((v) => v + 1);
      awareness.on("change", bump);
      onCleanup(() => awareness.off("change", bump));
    }
    setVersion((v) => v + 1);
  });
  const byConversation = createMemo(() => {
    version();
    const meId = me()?.id ?? "";
    const merged = new Map<string, Colleague[]>();
    for (const awareness of teamAwareness().values()) {
      for (const [id, list] of colleaguesByConversation(awareness.getStates(), meId)) merged.set(id, list);
    }
    return merged;
  });

  return { colleagues: (id) => byConversation().get(id) ?? [] };
}
