import { WidgetSendRequestSchema, WidgetSessionRequestSchema, type WidgetConfigResponse } from "@inbox/shared/api/widget";
import { MAX_TEXT_LENGTH } from "@inbox/shared/domain/message";
import { ApiError, isRetryable, isSessionGone, type WidgetApi } from "./api.ts";
import { backoffDelay } from "./backoff.ts";
import { newClientId } from "./ids.ts";
import { createLive, type Live, type LiveStatus, type SocketFactory } from "./live.ts";
import {
  addPending,
  isConfirmed,
  markFailed,
  markRetrying,
  markSending,
  mergeServerMessage,
  mergeServerMessages,
  pendingItem,
  type ChatItem,
} from "./messages.ts";
import { createOutbox, type Outbox, type OutboxEntry } from "./outbox.ts";
import type { SessionStore } from "./session.ts";

/**
 * The widget's behaviour, with no DOM: state plus the actions the view calls. The view only
 * renders `state()` and forwards user input here.
 */
export type Phase =
  /** Waiting for /config. */
  | "loading"
  /** The inbox doesn't exist: the widget hides itself. */
  | "gone"
  /** No conversation yet: the name/email form. */
  | "intro"
  | "chat";

export interface WidgetState {
  phase: Phase;
  config: WidgetConfigResponse | null;
  items: ChatItem[];
  /** An error for the customer (role="alert"). */
  alert: string | null;
  /** A session is being created. */
  starting: boolean;
  connection: LiveStatus;
  open: boolean;
  /** Agent messages that arrived while the panel was closed. */
  unread: number;
}

export interface ControllerDeps {
  api: WidgetApi;
  sessions: SessionStore;
  connect: SocketFactory;
  /** The live socket's url for a ticket (`api.getLiveTicket`), never for the session token. */
  liveUrl(ticket: string): string;
  now?(): number;
  newClientId?(): string;
  backoff?(attempt: number): number;
}

export interface Controller {
  state(): WidgetState;
  subscribe(listener: (state: WidgetState) => void): () => void;
  init(): Promise<void>;
  setOpen(open: boolean): void;
  startChat(input: { name: string; email: string }): Promise<void>;
  /** False when nothing was sent (empty or invalid text): the view keeps the draft. `choiceId`: the button tapped. */
  send(text: string, choiceId?: string): boolean;
  retry(clientId: string): void;
  dismissAlert(): void;
  /** The browser is back online or the tab is visible again: stop waiting out backoffs. */
  wake(): void;
  destroy(): void;
}

const CONFIG_MAX_AGE_MS = 60_000;
const OFFLINE_MESSAGE = "Can't reach the chat right now. Check your connection and try again.";
const EXPIRED_MESSAGE = "Your previous chat has ended. Start a new one below.";

export function createController(deps: ControllerDeps): Controller {
  const now = deps.now ?? Date.now;
  const makeClientId = deps.newClientId ?? newClientId;
  const backoff = deps.backoff ?? ((n: number) => backoffDelay(n, { baseMs: 1000 }));

  let state: WidgetState = {
    phase: "loading",
    config: null,
    items: [],
    alert: null,
    starting: false,
    connection: "closed",
    open: false,
    unread: 0,
  };
  const listeners = new Set<(s: WidgetState) => void>();
  let configAt = 0;
  let destroyed = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const attempts = new Map<string, number>();

  function set(patch: Partial<WidgetState>): void {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  }

  function token(): string | null {
    return deps.sessions.load()?.token ?? null;
  }

  /** Try `task` again later with backoff; `wake()` runs all waiting tasks at once. */
  function later(name: string, task: () => void): void {
    if (destroyed || timers.has(name)) return;
    const n = attempts.get(name) ?? 0;
    attempts.set(name, n + 1);
    timers.set(
      name,
      setTimeout(() => {
        timers.delete(name);
        task();
      }, backoff(n)),
    );
  }
  function succeeded(name: string): void {
    attempts.delete(name);
  }

  // ---- sending ----

  function persistOutbox(): void {
    const pending = state.items
      .filter((i) => i.id === null && i.state === "sending" && i.clientId)
      .map((i) => ({
        clientId: i.clientId!,
        text: i.content.kind === "text" ? i.content.text : "",
        choiceId: i.content.kind === "text" ? i.content.replyTo?.choiceId : undefined,
        createdAt: i.createdAt,
      }));
    deps.sessions.setOutbox(pending);
  }

  function makeOutbox(): Outbox {
    return createOutbox({
      send: (entry: OutboxEntry) => {
        const t = token();
        if (!t) return Promise.reject(new ApiError(401, "unauthenticated", EXPIRED_MESSAGE));
        return deps.api.sendMessage(t, entry);
      },
      // The live socket is the fast path while it is open; POST stays the fallback.
      sendLive: (entry: OutboxEntry) => live.sendMessage(entry),
      onSent: (_entry, message) => {
        set({ items: mergeServerMessage(state.items, message) });
        persistOutbox();
      },
      onFailed: (entry, err) => {
        if (isSessionGone(err)) return expire();
        const reason = err instanceof ApiError ? err.message : "This message couldn't be sent.";
        set({ items: markFailed(state.items, entry.clientId, reason), alert: reason });
        persistOutbox();
      },
      onRetry: (entry, _attempt, _delay, err) => {
        // Too fast for the server: say so (its sentence) while the message waits its turn.
        const slowDown = err instanceof ApiError && err.status === 429 ? { alert: err.message } : {};
        set({ items: markRetrying(state.items, entry.clientId), ...slowDown });
      },
      backoff,
    });
  }
  let outbox = makeOutbox();

  // ---- live + history ----

  /** A fresh ticket for each (re)connection; a refused token ends the chat as any 401 does. */
  async function liveSocketUrl(): Promise<string> {
    const t = token();
    if (!t) throw new ApiError(401, "unauthenticated", EXPIRED_MESSAGE);
    try {
      return deps.liveUrl((await deps.api.getLiveTicket(t)).ticket);
    } catch (err) {
      if (token() === t && isSessionGone(err)) expire();
      throw err;
    }
  }

  const live: Live = createLive({
    url: liveSocketUrl,
    connect: deps.connect,
    onMessage: (m) => {
      const before = state.items;
      const items = mergeServerMessage(before, m);
      const isNew = items.length > before.length;
      const unread = isNew && m.from !== "customer" && !state.open ? state.unread + 1 : state.unread;
      if (items !== before || unread !== state.unread) set({ items, unread });
    },
    // Anything said while the socket was down is only in the history: fetch it on every ready.
    // The server is reachable again, so a message waiting out a backoff goes now (on the socket).
    onReady: () => {
      void loadHistory();
      outbox.kick();
    },
    onStatus: (connection) => set({ connection }),
    onClose: (code) => {
      // An application close code may mean the token was revoked: ask the REST API.
      if (code >= 4000) void loadHistory();
    },
    backoff,
  });

  async function loadHistory(): Promise<void> {
    const t = token();
    if (!t || destroyed) return;
    try {
      const messages = await deps.api.getMessages(t);
      if (token() !== t) return;
      succeeded("history");
      set({ items: mergeServerMessages(state.items, messages) });
    } catch (err) {
      if (token() !== t) return;
      if (isSessionGone(err)) return expire();
      if (isRetryable(err)) later("history", () => void loadHistory());
    }
  }

  function enterChat(): void {
    const session = deps.sessions.load();
    if (!session) return;
    let items = state.items;
    for (const p of session.outbox) items = addPending(items, pendingItem(p.clientId, p.text, p.createdAt, p.choiceId));
    set({ phase: "chat", items });
    for (const p of session.outbox) outbox.enqueue({ clientId: p.clientId, text: p.text, choiceId: p.choiceId });
    live.start();
    void loadHistory();
  }

  /** The server no longer knows our token: forget it and offer a fresh start. */
  function expire(): void {
    live.stop();
    outbox.dispose();
    outbox = makeOutbox();
    deps.sessions.clear();
    set({ phase: "intro", items: [], alert: EXPIRED_MESSAGE, connection: "closed", unread: 0 });
  }

  // ---- config ----

  async function loadConfig(): Promise<boolean> {
    try {
      const config = await deps.api.getConfig();
      configAt = now();
      succeeded("config");
      set({ config });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        set({ phase: "gone" });
      } else if (isRetryable(err)) {
        later("config", () => void loadConfig().then((ok) => ok && state.phase === "loading" && start()));
      }
      return false;
    }
  }

  function start(): void {
    if (deps.sessions.load()) enterChat();
    else set({ phase: "intro" });
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async init() {
      if (await loadConfig()) start();
    },

    setOpen(open) {
      set({ open, unread: open ? 0 : state.unread });
      // An admin may have switched the channel on or off since the page loaded.
      if (open && state.config && now() - configAt > CONFIG_MAX_AGE_MS) void loadConfig();
    },

    async startChat({ name, email }) {
      if (state.starting || state.phase !== "intro") return;
      const parsed = WidgetSessionRequestSchema.safeParse({
        name: name.trim() || undefined,
        email: email.trim() || undefined,
      });
      if (!parsed.success) {
        const badEmail = parsed.error.issues.some((i) => i.path[0] === "email");
        set({ alert: badEmail ? "Please enter a valid email address, or leave it empty." : "Please check your name." });
        return;
      }
      set({ starting: true, alert: null });
      try {
        // Not retried automatically: a session request has no idempotency key.
        const session = await deps.api.createSession(parsed.data);
        deps.sessions.save(session);
        set({ starting: false });
        enterChat();
      } catch (err) {
        const message = err instanceof ApiError ? err.message : OFFLINE_MESSAGE;
        set({ starting: false, alert: message });
      }
    },

    send(text, choiceId) {
      if (state.phase !== "chat" || !state.config?.available) return false;
      const clientId = makeClientId();
      const parsed = WidgetSendRequestSchema.safeParse({ clientId, text, choiceId });
      if (!parsed.success) {
        const tooLong = parsed.error.issues.some((i) => i.code === "too_big");
        if (text.trim()) set({ alert: tooLong ? `That message is too long (${MAX_TEXT_LENGTH} characters at most).` : "This message can't be sent." });
        return false;
      }
      set({ items: addPending(state.items, pendingItem(clientId, parsed.data.text, now(), parsed.data.choiceId)), alert: null });
      persistOutbox();
      outbox.enqueue(parsed.data);
      return true;
    },

    retry(clientId) {
      const item = state.items.find((i) => i.clientId === clientId && i.id === null && i.state === "failed");
      if (!item || item.content.kind !== "text" || isConfirmed(state.items, clientId)) return;
      set({ items: markSending(state.items, clientId), alert: null });
      persistOutbox();
      outbox.enqueue({ clientId, text: item.content.text, choiceId: item.content.replyTo?.choiceId });
    },

    dismissAlert() {
      if (state.alert) set({ alert: null });
    },

    wake() {
      outbox.kick();
      live.reconnectNow();
      for (const [name, timer] of timers) {
        clearTimeout(timer);
        timers.delete(name);
        if (name === "history") void loadHistory();
        if (name === "config") void loadConfig().then((ok) => ok && state.phase === "loading" && start());
      }
    },

    destroy() {
      destroyed = true;
      live.stop();
      outbox.dispose();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      listeners.clear();
    },
  };
}
