import type { Command, CommandResult } from "@inbox/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ApiError, networkMessage } from "../api/http.ts";
import { createReplayer, MAX_BATCH, type Outcome, type QueuedCommand, type ReplayerDeps, type ReplayerStore } from "./outbox-replayer.ts";
import { appendToDraft, classifyFailure, outcomeEffects, refusalResult, settlePlan } from "./outcomes.ts";
import { reasonWords } from "../api/reason-words.ts";
import { setLocale } from "../i18n/locale.ts";

/** The outbox as a plain array, settled the way the Dexie store does it. */
function memoryStore(commands: Command[] = []) {
  let seq = 0;
  const rows: (QueuedCommand & { state: "queued" | "done" })[] = [];
  const add = (command: Command) => rows.push({ seq: ++seq, command, state: "queued" });
  commands.forEach(add);
  const store: ReplayerStore = {
    async next(limit, afterSeq) {
      return rows
        .filter((r) => r.state === "queued" && (afterSeq === undefined || r.seq > afterSeq))
        .slice(0, limit)
        .map(({ seq, command }) => ({ seq, command }));
    },
    async settle(outcomes) {
      const plan = settlePlan(outcomes);
      for (const s of plan.remove) rows.splice(rows.findIndex((r) => r.seq === s), 1);
      for (const s of plan.done) rows.find((r) => r.seq === s)!.state = "done";
    },
  };
  return { store, rows, add };
}

/** A server that applies each clientId once and answers repeats with the first result. */
function fakeServer(opts: { refuse?: (c: Command) => CommandResult | null } = {}) {
  const applied: Command[] = [];
  const first = new Map<string, CommandResult>();
  const requests: string[][] = [];
  let failNext = 0;
  let loseNextAnswer = false;
  const send = async (commands: Command[]): Promise<CommandResult[]> => {
    requests.push(commands.map((c) => c.clientId));
    if (failNext > 0) {
      failNext--;
      throw new ApiError("network", networkMessage(), 0);
    }
    const results = commands.map((c) => {
      const seen = first.get(c.clientId);
      if (seen) return seen;
      const refused = opts.refuse?.(c) ?? null;
      const result: CommandResult = refused ?? { clientId: c.clientId, ok: true };
      if (result.ok) applied.push(c);
      first.set(c.clientId, result);
      return result;
    });
    if (loseNextAnswer) {
      // Applied on the server, but the answer never reaches the client.
      loseNextAnswer = false;
      throw new ApiError("network", networkMessage(), 0);
    }
    return results;
  };
  return {
    send,
    applied,
    requests,
    failTimes: (n: number) => void (failNext = n),
    loseNextAnswer: () => void (loseNextAnswer = true),
  };
}

const reply = (n: number, over: Partial<Extract<Command, { type: "reply" }>> = {}): Command => ({
  type: "reply",
  clientId: `client-reply-${n}`,
  conversationId: "c1",
  text: `Reply number ${n}`,
  ...over,
});

/** Waits for a state the replayer reaches by itself (its requests), a turn of the event loop at a time. */
async function waitUntil(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((r) => setTimeout(r, 0));
}

function replayer(store: ReplayerStore, send: ReplayerDeps["send"], over: Partial<ReplayerDeps> = {}) {
  return createReplayer({
    store,
    send,
    classify: classifyFailure,
    refusal: refusalResult,
    backoff: () => 1,
    ...over,
  });
}

describe("outbox replay", () => {
  it("sends three replies queued offline once, in order, when the connection is back", async () => {
    const { store, rows } = memoryStore([reply(1), reply(2), reply(3)]);
    const server = fakeServer();
    let online = false;
    const r = replayer(store, server.send, { online: () => online });
    r.kick();
    await r.whenIdle();
    expect(server.requests).toEqual([]);

    online = true;
    r.kick();
    await r.whenIdle();
    expect(server.requests).toEqual([["client-reply-1", "client-reply-2", "client-reply-3"]]);
    expect(server.applied.map((c) => c.type === "reply" && c.text)).toEqual(["Reply number 1", "Reply number 2", "Reply number 3"]);
    // Answered without the server's copy of the message: kept as "done" (shown, never resent).
    expect(rows.map((row) => row.state)).toEqual(["done", "done", "done"]);
    r.kick();
    await r.whenIdle();
    expect(server.requests).toHaveLength(1);
  });

  it(`sends at most ${MAX_BATCH} commands per request, oldest first`, async () => {
    const { store } = memoryStore(Array.from({ length: MAX_BATCH + 30 }, (_, i) => reply(i)));
    const server = fakeServer();
    const r = replayer(store, server.send);
    r.kick();
    await r.whenIdle();
    expect(server.requests.map((req) => req.length)).toEqual([MAX_BATCH, 30]);
    expect(server.requests.flat()).toEqual(Array.from({ length: MAX_BATCH + 30 }, (_, i) => `client-reply-${i}`));
  });

  it("keeps each request's body well under the server's limit: long replies go in more requests", async () => {
    const long = "x".repeat(4000);
    const { store } = memoryStore(Array.from({ length: 150 }, (_, i) => reply(i, { text: `${i} ${long}` })));
    const server = fakeServer();
    const r = replayer(store, server.send);
    r.kick();
    await r.whenIdle();
    expect(server.requests.length).toBeGreaterThan(1);
    expect(server.requests.flat()).toEqual(Array.from({ length: 150 }, (_, i) => `client-reply-${i}`));
    expect(server.applied).toHaveLength(150);
  });

  it("sends the next batch while the last answer is still being stored, one request at a time, each command once and in order", async () => {
    const { store, rows } = memoryStore(Array.from({ length: MAX_BATCH * 2 + 10 }, (_, i) => reply(i)));
    const server = fakeServer();
    let inFlight = 0;
    let mostInFlight = 0;
    const send = async (commands: Command[]) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await server.send(commands);
      } finally {
        inFlight--;
      }
    };
    // Storing the first answer waits until the second request has gone out.
    let secondSent!: () => void;
    const second = new Promise<void>((resolve) => (secondSent = resolve));
    const slowStore: ReplayerStore = {
      next: store.next,
      async settle(outcomes) {
        if (outcomes[0]?.entry.command.clientId === "client-reply-0") await second;
        await store.settle(outcomes);
      },
    };
    const r = replayer(slowStore, async (commands) => {
      if (commands[0]?.clientId === `client-reply-${MAX_BATCH}`) secondSent();
      return send(commands);
    });
    r.kick();
    await r.whenIdle();
    expect(mostInFlight).toBe(1);
    expect(server.requests.map((req) => req.length)).toEqual([MAX_BATCH, MAX_BATCH, 10]);
    expect(server.applied.map((c) => c.clientId)).toEqual(Array.from({ length: MAX_BATCH * 2 + 10 }, (_, i) => `client-reply-${i}`));
    expect(rows.every((row) => row.state === "done")).toBe(true);
  });

  it("resends, and the server answers from its record, what a tab closed before storing an answer had already sent", async () => {
    const { store, rows } = memoryStore(Array.from({ length: MAX_BATCH + 5 }, (_, i) => reply(i)));
    const server = fakeServer();
    // The first tab is closed while storing its first answer (after sending the second batch).
    const closing: ReplayerStore = { next: store.next, settle: () => new Promise<void>(() => {}) };
    const first = replayer(closing, server.send);
    first.kick();
    await waitUntil(() => server.requests.length === 2);
    first.dispose();

    const second = replayer(store, server.send);
    second.kick();
    await second.whenIdle();
    expect(server.requests.map((req) => req.length)).toEqual([MAX_BATCH, 5, MAX_BATCH, 5]);
    expect(server.applied).toHaveLength(MAX_BATCH + 5);
    expect(rows.every((row) => row.state === "done")).toBe(true);
  });

  it("retries with backoff while the network fails, keeping the entries, and applies each once", async () => {
    const { store, rows } = memoryStore([reply(1), reply(2)]);
    const server = fakeServer();
    server.failTimes(2);
    const waits: number[] = [];
    const r = replayer(store, server.send, { backoff: (n) => (waits.push(n), 1) });
    r.kick();
    await r.whenIdle();
    expect(waits).toEqual([0, 1]);
    expect(server.requests).toHaveLength(3);
    expect(server.applied).toHaveLength(2);
    expect(rows.every((row) => row.state === "done")).toBe(true);
  });

  it("never applies a command twice when the answer was lost after the server applied it", async () => {
    const { store } = memoryStore([reply(1)]);
    const server = fakeServer();
    server.loseNextAnswer();
    const r = replayer(store, server.send);
    r.kick();
    await r.whenIdle();
    expect(server.requests).toEqual([["client-reply-1"], ["client-reply-1"]]);
    expect(server.applied).toHaveLength(1);
  });

  it("resumes after the tab was closed mid-retry: a new replayer over the same outbox sends the rest in order", async () => {
    const { store, add } = memoryStore([reply(1)]);
    const server = fakeServer();
    server.failTimes(1000);
    const first = replayer(store, server.send, { backoff: () => 5 });
    first.kick();
    await new Promise((r) => setTimeout(r, 20));
    first.dispose();
    add(reply(2));

    server.failTimes(0);
    const second = replayer(store, server.send);
    second.kick();
    await second.whenIdle();
    expect(server.applied.map((c) => c.clientId)).toEqual(["client-reply-1", "client-reply-2"]);
  });

  it("puts a reply refused as a conflict back into the draft and tells the agent", async () => {
    const message = "Conversation was taken by Ana while you were offline; your reply was kept as a draft.";
    const { store, rows } = memoryStore([reply(1, { text: "We will refund you today", expectedAssigneeId: "me" })]);
    const server = fakeServer({ refuse: (c) => ({ clientId: c.clientId, ok: false, code: "conflict", message, keepAsDraft: true }) });
    const doc = new Y.Doc();
    const draft = doc.getText("draft");
    draft.insert(0, "Also,");
    const notices: string[] = [];
    const onOutcome = (o: Outcome) => {
      const effects = outcomeEffects(o, reasonWords);
      if (effects.draft) appendToDraft(draft, effects.draft.text);
      if (effects.notice) notices.push(effects.notice);
    };
    const r = replayer(store, server.send, { onOutcome });
    r.kick();
    await r.whenIdle();
    expect(draft.toString()).toBe("Also,\nWe will refund you today");
    expect(notices).toEqual([message]);
    expect(rows).toEqual([]);
  });

  it("a refused template says its reason in the agent's language and is not put in the draft", () => {
    const template = { name: "delivery_photo", language: "en_US", header: [], body: [{ text: "Ana" }] };
    const entry = { seq: 1, command: { type: "reply", clientId: "client-tpl-1", conversationId: "c1", text: "Hi Ana", template } } as unknown as Outcome["entry"];
    const result = {
      clientId: "client-tpl-1",
      ok: false,
      code: "validation_failed",
      message: 'The template "delivery_photo" shows an image at the top: attach an image to send it.',
      keepAsDraft: false,
      fields: { reason: "template_needs_image", name: "delivery_photo" },
    } as CommandResult;
    setLocale("pt-BR");
    try {
      expect(outcomeEffects({ entry, result }, reasonWords)).toEqual({ notice: 'O modelo "delivery_photo" mostra uma imagem no topo: anexe uma imagem para enviá-lo.' });
    } finally {
      setLocale("en");
    }
  });

  it("drops a refused status change with its message, and goes on with the next command", async () => {
    const { store, rows } = memoryStore([
      { type: "status", clientId: "client-status-1", conversationId: "c1", status: "resolved" },
      reply(2),
    ]);
    const server = fakeServer({
      refuse: (c) =>
        c.type === "status" ? { clientId: c.clientId, ok: false, code: "forbidden", message: "You can't change this.", keepAsDraft: false } : null,
    });
    const notices: string[] = [];
    const r = replayer(store, server.send, { onOutcome: (o) => void (outcomeEffects(o, reasonWords).notice && notices.push(outcomeEffects(o, reasonWords).notice!)) });
    r.kick();
    await r.whenIdle();
    expect(notices).toEqual(["You can't change this."]);
    expect(server.applied.map((c) => c.clientId)).toEqual(["client-reply-2"]);
    expect(rows.map((row) => row.command.clientId)).toEqual(["client-reply-2"]);
  });

  it("splits a batch the server refuses as a whole, so one bad command does not block the others", async () => {
    const { store } = memoryStore([reply(1), reply(2, { text: "bad" }), reply(3)]);
    const requests: string[][] = [];
    const send = async (commands: Command[]): Promise<CommandResult[]> => {
      requests.push(commands.map((c) => c.clientId));
      if (commands.some((c) => c.type === "reply" && c.text === "bad")) {
        throw new ApiError("validation_failed", "Check the message.", 400);
      }
      return commands.map((c) => ({ clientId: c.clientId, ok: true }));
    };
    const notices: string[] = [];
    const drafts: string[] = [];
    const r = replayer(store, send, {
      onOutcome: (o) => {
        const e = outcomeEffects(o, reasonWords);
        if (e.notice) notices.push(e.notice);
        if (e.draft) drafts.push(e.draft.text);
      },
    });
    r.kick();
    await r.whenIdle();
    expect(requests).toEqual([["client-reply-1", "client-reply-2", "client-reply-3"], ["client-reply-1"], ["client-reply-2"], ["client-reply-3"]]);
    expect(drafts).toEqual(["bad"]);
    expect(notices).toEqual(["Check the message. Your reply was kept as a draft."]);
  });

  it("stops on 401 and keeps everything for the next sign-in", async () => {
    const { store, rows } = memoryStore([reply(1)]);
    const states: string[] = [];
    const r = replayer(store, async () => Promise.reject(new ApiError("unauthenticated", "Please sign in again.", 401)), {
      onState: (s) => states.push(s),
    });
    r.kick();
    await r.whenIdle();
    expect(states).toContain("stopped");
    expect(rows).toHaveLength(1);
  });
});

describe("settlePlan", () => {
  it("stores the server's copy of a reply and removes it from the outbox in the same step", () => {
    const entry = { seq: 7, command: reply(1) };
    const message = {
      id: "m9",
      conversationId: "c1",
      direction: "outbound" as const,
      senderKind: "agent" as const,
      senderId: "u1",
      senderName: "Ana",
      content: { kind: "text" as const, text: "Reply number 1" },
      status: "sent" as const,
      failureReason: null,
      clientId: "client-reply-1",
      createdAt: 5,
      position: 3,
    };
    expect(settlePlan([{ entry, result: { clientId: "client-reply-1", ok: true, message } }])).toEqual({
      remove: [7],
      done: [],
      messages: [message],
      conversations: [],
    });
  });
});
