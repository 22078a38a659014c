import * as Y from "yjs";
import { newId } from "@inbox/shared";
import type { BoardEvent } from "./board-adapter.ts";

/**
 * The steady stream of section (h): customer messages (the widget API), assignments and status
 * changes (the agents' REST routes), each a real command the server commits and publishes. Two
 * events in flight never touch the same chat, so "visible" is unambiguous.
 */
export class BoardStream {
  private n = 0;
  private readonly assigned = new Map<string, string | null>();
  private readonly status = new Map<string, "open" | "pending">();
  private readonly busy = new Set<string>();
  private visitorTurn = 0;
  /** Each visitor's chat, once the board has shown it. */
  readonly visitorChats: (string | null)[];
  failures = 0;

  constructor(
    private readonly url: string,
    private readonly inboxId: string,
    private readonly adminToken: string,
    private readonly agentIds: string[],
    private readonly waitingIds: string[],
    private readonly visitorTokens: string[],
  ) {
    this.visitorChats = visitorTokens.map(() => null);
  }

  /** Each visitor's first message (it opens their chat); `find` then names the chats. */
  async openVisitorChats(find: (visitor: number) => string | null, concurrency = 8): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < this.visitorTokens.length) {
          const i = next++;
          await this.post(`/api/widget/${this.inboxId}/messages`, { clientId: newId(), text: `Hello from visitor ${i}` }, this.visitorTokens[i]!);
        }
      }),
    );
    for (let i = 0; i < this.visitorTokens.length; i++) this.visitorChats[i] = find(i);
  }

  /** The next event and the request that causes it; the chat stays busy until `done`. */
  next(random: () => number, kinds: readonly BoardEvent["kind"][]): { event: BoardEvent; send: () => Promise<void>; done: () => void } {
    const id = ++this.n;
    // The mix: 40% customer messages, 30% assignments, 30% status changes; a kind the room cannot
    // show is replaced by an assignment.
    let roll = random();
    if ((roll < 0.4 && !kinds.includes("message")) || (roll >= 0.7 && !kinds.includes("status"))) roll = 0.4 + random() * 0.3;
    if (roll < 0.4) {
      for (let tries = 0; tries < this.visitorTokens.length; tries++) {
        const v = this.visitorTurn++ % this.visitorTokens.length;
        const conversationId = this.visitorChats[v];
        if (!conversationId || this.busy.has(conversationId)) continue;
        const text = `Stream message ${id}`;
        return this.claim({ kind: "message", conversationId, text }, () =>
          this.post(`/api/widget/${this.inboxId}/messages`, { clientId: newId(), text }, this.visitorTokens[v]!),
        );
      }
    }
    let conversationId: string;
    do conversationId = this.waitingIds[Math.floor(random() * this.waitingIds.length)]!;
    while (this.busy.has(conversationId));
    if (roll < 0.7) {
      const assigneeId = this.assigned.get(conversationId) ? null : this.agentIds[Math.floor(random() * this.agentIds.length)]!;
      this.assigned.set(conversationId, assigneeId);
      return this.claim({ kind: "assigned", conversationId, assigneeId }, () => this.post(`/api/conversations/${conversationId}/assign`, { assigneeId, override: true }, this.adminToken));
    }
    const status = this.status.get(conversationId) === "pending" ? "open" : "pending";
    this.status.set(conversationId, status);
    return this.claim({ kind: "status", conversationId, status }, () => this.post(`/api/conversations/${conversationId}/status`, { status }, this.adminToken));
  }

  private claim(event: BoardEvent, send: () => Promise<void>) {
    this.busy.add(event.conversationId);
    return { event, send, done: () => this.busy.delete(event.conversationId) };
  }

  private async post(path: string, body: unknown, token: string): Promise<void> {
    const res = await fetch(this.url + path, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    if (res.status >= 300 && this.failures++ < 3) console.log(`  (a stream request failed: ${path} ${res.status})`);
  }
}

/** Samples in ms for one run of the stream against one board document. */
export interface StreamRun {
  /** From the request being sent to the board document showing its outcome. */
  toBoard: number[];
  /** From the request being sent to its answer (the command's own commit and reply). */
  toAnswer: number[];
  missed: number;
  /** Each event seen, on the clock this machine's processes share (performance.timeOrigin + now()). */
  seen: { conversationId: string; sentAt: number; seenAt: number }[];
}

/**
 * Fires `count` events at `perSecond`, open loop (each on schedule, not after the previous),
 * and times each until `visible(doc, event)` holds on the board client's document.
 */
export async function runStream(
  doc: Y.Doc,
  visible: (doc: Y.Doc, event: BoardEvent) => boolean,
  next: () => { event: BoardEvent; send: () => Promise<void>; done: () => void },
  count: number,
  perSecond: number,
): Promise<StreamRun> {
  const pending = new Set<{ event: BoardEvent; sentAt: number; settle: () => void }>();
  const toBoard: number[] = [];
  const toAnswer: number[] = [];
  const seen: StreamRun["seen"] = [];
  const check = () => {
    const now = performance.now();
    for (const p of pending) {
      if (!visible(doc, p.event)) continue;
      toBoard.push(now - p.sentAt);
      seen.push({ conversationId: p.event.conversationId, sentAt: performance.timeOrigin + p.sentAt, seenAt: performance.timeOrigin + now });
      pending.delete(p);
      p.settle();
    }
  };
  doc.on("update", check);
  const flights: Promise<void>[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < count; i++) {
      const due = started + (i * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const { event, send, done } = next();
      let settle!: () => void;
      const seen = new Promise<void>((r) => (settle = r));
      const sentAt = performance.now();
      pending.add({ event, sentAt, settle });
      const answered = send().then(() => void toAnswer.push(performance.now() - sentAt));
      // A chat is free again once its event is both answered and visible (or given up on).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((r) => (timer = setTimeout(r, 20_000)));
      flights.push(Promise.all([answered, Promise.race([seen, timeout])]).then(() => (clearTimeout(timer), done())));
    }
    await Promise.all(flights);
    check();
    return { toBoard, toAnswer, missed: pending.size, seen };
  } finally {
    doc.off("update", check);
  }
}

/** `count` events as fast as the server answers, `concurrency` at a time (the display's long run). */
export async function runClosed(next: () => { send: () => Promise<void>; done: () => void }, count: number, concurrency: number): Promise<number> {
  let left = count;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left--;
        const { send, done } = next();
        await send();
        done();
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}
