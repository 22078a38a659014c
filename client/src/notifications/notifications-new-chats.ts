/**
 * Which chats count as "new" for the agent's alerts: a chat that starts waiting unassigned in
 * their teams ("queue"), or one that becomes theirs (assigned or offered to them: "mine").
 * Pure, so the rules are unit-tested: what the device holds after its first sync is the
 * baseline (nothing rings on sign-in), and a chat rings at most once per state per session,
 * so a late or repeated copy of a row (sync pages, live rooms) never rings twice.
 */
import type { Conversation } from "@inbox/shared";

export type ChatReason = "queue" | "mine";

export type ChatFields = Pick<Conversation, "id" | "status" | "assigneeId"> & { offeredTo?: string | null };

export function chatReason(c: ChatFields, me: string): ChatReason | null {
  if (c.status !== "open") return null;
  if (c.assigneeId === me || (c.assigneeId === null && c.offeredTo === me)) return "mine";
  if (c.assigneeId === null && !c.offeredTo) return "queue";
  return null;
}

export interface NewChatsChange {
  /** Chats that just started waiting or became mine. */
  arrived: string[];
  /** Chats that are no longer waiting nor mine (taken by a colleague, resolved). */
  gone: string[];
}

export class NewChatTracker {
  private readonly seen = new Map<string, Set<ChatReason>>();
  private current = new Map<string, ChatReason>();
  private started = false;

  constructor(private readonly me: string) {}

  get hasBaseline(): boolean {
    return this.started;
  }

  baseline(rows: readonly ChatFields[]): void {
    this.started = true;
    this.current = this.reasons(rows);
    for (const [id, reason] of this.current) this.remember(id, reason);
  }

  update(rows: readonly ChatFields[]): NewChatsChange {
    if (!this.started) return { arrived: [], gone: [] };
    const next = this.reasons(rows);
    const arrived: string[] = [];
    for (const [id, reason] of next) {
      // A chat handed back to the queue by me is not news; neither is a state already rung.
      const handedBack = reason === "queue" && this.seen.get(id)?.has("mine");
      if (!this.seen.get(id)?.has(reason) && !handedBack) arrived.push(id);
      this.remember(id, reason);
    }
    const gone = [...this.current.keys()].filter((id) => !next.has(id));
    this.current = next;
    return { arrived, gone };
  }

  private reasons(rows: readonly ChatFields[]): Map<string, ChatReason> {
    const out = new Map<string, ChatReason>();
    for (const row of rows) {
      const reason = chatReason(row, this.me);
      if (reason) out.set(row.id, reason);
    }
    return out;
  }

  private remember(id: string, reason: ChatReason): void {
    const set = this.seen.get(id);
    if (set) set.add(reason);
    else this.seen.set(id, new Set([reason]));
  }
}
