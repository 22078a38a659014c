import {
  WidgetEmailRequestSchema,
  WidgetLeaveMessageRequestSchema,
  WidgetSendRequestSchema,
  WidgetSessionRequestSchema,
  type WidgetConfigResponse,
  type WidgetLeaveMessageRequest,
} from "@inbox/shared/api/widget";
import { MAX_TEXT_LENGTH } from "@inbox/shared/domain/message";
import { ApiError, isRetryable, isSessionGone, type WidgetApi } from "./api.ts";
import { backoffDelay } from "./backoff.ts";
import { errorText, stringsFor, type WidgetStrings } from "./i18n.ts";
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
import { createOutbox, MAX_SERVER_WAIT_MS, type Outbox, type OutboxEntry } from "./outbox.ts";
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
  /** No conversation yet, and nobody can chat now (closed, or nobody available): the leave-a-message form. */
  | "leave"
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
  /** A leave-a-message form is being sent. */
  leaving: boolean;
  /** Good news for the visitor (role="status"): the message left, the email saved. */
  notice: string | null;
  /** The name of the agent typing a reply now, or null. */
  agentTyping: string | null;
  /** Ask for the visitor's email (they are leaving before an answer). */
  askEmail: boolean;
  savingEmail: boolean;
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
  /** The visitor's language's sentences (English unless given). */
  strings?: WidgetStrings;
  /** Ask for the email once the visitor's message has waited this long for an answer. */
  askEmailAfterMs?: number;
}

export interface Controller {
  state(): WidgetState;
  subscribe(listener: (state: WidgetState) => void): () => void;
  init(): Promise<void>;
  setOpen(open: boolean): void;
  startChat(input: { name: string; email: string }): Promise<void>;
  /** The leave-a-message form; sent again with the same id after a failure, so it lands once. */
  leaveMessage(input: { name: string; email: string; text: string }): Promise<void>;
  /** The visitor pressed a key in the composer: "typing" goes to the agent, at most every few seconds. */
  typing(): void;
  saveEmail(email: string): Promise<void>;
  /** "No thanks" to the email question (closes the panel if closing asked it). */
  declineEmail(): void;
  /** False when nothing was sent (empty or invalid text): the view keeps the draft. `choiceId`: the button tapped. */
  send(text: string, choiceId?: string): boolean;
  retry(clientId: string): void;
  dismissAlert(): void;
  /** The browser is back online or the tab is visible again: stop waiting out backoffs. */
  wake(): void;
  destroy(): void;
}

const CONFIG_MAX_AGE_MS = 60_000;
/** While keys are pressed, "typing" is said again this often (the agent's side forgets it after ~8 s). */
export const TYPING_RENEW_MS = 3_000;
/** No key for this long: the visitor stopped typing. */
export const TYPING_IDLE_MS = 4_000;
/** An agent's "typing" shows at most this long without being renewed. */
export const AGENT_TYPING_SHOWN_MS = 6_000;
const ASK_EMAIL_AFTER_MS = 90_000;

export function createController(deps: ControllerDeps): Controller {
  const now = deps.now ?? Date.now;
  const makeClientId = deps.newClientId ?? newClientId;
  const backoff = deps.backoff ?? ((n: number) => backoffDelay(n, { baseMs: 1000 }));
  const s = deps.strings ?? stringsFor("en");

  let state: WidgetState = {
    phase: "loading",
    config: null,
    items: [],
    alert: null,
    starting: false,
    connection: "closed",
    open: false,
    unread: 0,
    leaving: false,
    notice: null,
    agentTyping: null,
    askEmail: false,
    savingEmail: false,
  };
  const listeners = new Set<(s: WidgetState) => void>();
  let configAt = 0;
  let destroyed = false;
  /** Tasks waiting to be tried again, by name, each with its timer so `wake()` can run it at once. */
  const waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; task: () => void }>();
  const attempts = new Map<string, number>();
  /** The leave-a-message form's id, kept until it is stored (a retry reuses it). */
  let leaveClientId: string | null = null;
  let typingSentAt = 0;
  let visitorTyping = false;
  let typingIdle: ReturnType<typeof setTimeout> | null = null;
  let agentTypingTimer: ReturnType<typeof setTimeout> | null = null;
  let askEmailTimer: ReturnType<typeof setTimeout> | null = null;
  /** The email question stopped the panel from closing: "No thanks" closes it. */
  let closeAfterAsk = false;

  function set(patch: Partial<WidgetState>): void {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  }

  function token(): string | null {
    return deps.sessions.load()?.token ?? null;
  }

  /**
   * Try `task` again later with backoff, and no sooner than `atLeastMs` (a server's Retry-After);
   * `wake()` runs all waiting tasks at once.
   */
  function later(name: string, task: () => void, atLeastMs = 0): void {
    if (destroyed || waiting.has(name)) return;
    const n = attempts.get(name) ?? 0;
    attempts.set(name, n + 1);
    const timer = setTimeout(() => {
      waiting.delete(name);
      task();
    }, Math.max(backoff(n), atLeastMs));
    waiting.set(name, { timer, task });
  }
  function succeeded(name: string): void {
    attempts.delete(name);
  }

  // ---- sending ----

  /**
   * Sends the leave-a-message form. An overloaded server (503) stored nothing: the form stays
   * locked with the "busy" notice, waits at least the Retry-After, and goes again with the same
   * clientId by itself, as a chat message does in the outbox. Other failures are the visitor's
   * to retry (the same id goes again: the server stores it once whatever happened to an answer).
   */
  async function sendLeft(form: WidgetLeaveMessageRequest): Promise<void> {
    try {
      const left = await deps.api.leaveMessage(form);
      if (destroyed) return;
      leaveClientId = null;
      succeeded("leave");
      deps.sessions.save(left);
      deps.sessions.setEmail(form.email);
      set({ leaving: false, alert: null, notice: s.leaveSent(form.email) });
      enterChat();
    } catch (err) {
      if (destroyed) return;
      if (err instanceof ApiError && err.code === "overloaded") {
        set({ alert: errorText(s, err) });
        later("leave", () => void sendLeft(form), Math.min(err.retryAfterMs ?? 0, MAX_SERVER_WAIT_MS));
        return;
      }
      set({ leaving: false, alert: errorText(s, err) });
    }
  }

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

  /** The notice shown while a message waits for an overloaded or rate-limiting server (cleared once it is sent). */
  let waitNotice: string | null = null;
  function makeOutbox(): Outbox {
    return createOutbox({
      send: (entry: OutboxEntry) => {
        const t = token();
        if (!t) return Promise.reject(new ApiError(401, "unauthenticated", s.expired));
        return deps.api.sendMessage(t, entry);
      },
      // The live socket is the fast path while it is open; POST stays the fallback.
      sendLive: (entry: OutboxEntry) => live.sendMessage(entry),
      onSent: (_entry, message) => {
        // The wait is over: the "busy" or "too fast" notice about it goes with it.
        const waited = waitNotice !== null && state.alert === waitNotice ? { alert: null } : {};
        waitNotice = null;
        set({ items: mergeServerMessage(state.items, message), ...waited });
        persistOutbox();
        scheduleEmailQuestion();
      },
      onFailed: (entry, err) => {
        if (isSessionGone(err)) return expire();
        const reason = err instanceof ApiError ? errorText(s, err) : s.notSentGeneric;
        set({ items: markFailed(state.items, entry.clientId, reason), alert: reason });
        persistOutbox();
      },
      onRetry: (entry, _attempt, _delay, err) => {
        // Too fast for the server, or the server is overloaded (503): say so (in the visitor's
        // language) while the message waits its turn; it goes again by itself, with its clientId.
        const slowDown = err instanceof ApiError && (err.status === 429 || err.code === "overloaded") ? { alert: (waitNotice = errorText(s, err)) } : {};
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
    if (!t) throw new ApiError(401, "unauthenticated", s.expired);
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
      // An answer ends the agent's "typing…".
      const answered = isNew && m.from !== "customer" && state.agentTyping !== null ? { agentTyping: null } : {};
      if (items !== before || unread !== state.unread) set({ items, unread, ...answered });
    },
    onTyping: (typing, name) => {
      if (agentTypingTimer) clearTimeout(agentTypingTimer);
      agentTypingTimer = null;
      if (!typing) return set({ agentTyping: null });
      set({ agentTyping: name || s.anAgent });
      // A lost "stopped" (tab closed, connection dropped) must not leave it showing.
      agentTypingTimer = setTimeout(() => set({ agentTyping: null }), AGENT_TYPING_SHOWN_MS);
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
    set({ phase: state.config?.mode === "leave_message" ? "leave" : "intro", items: [], alert: s.expired, connection: "closed", unread: 0, notice: null, askEmail: false });
  }

  // ---- typing ----

  function stopTyping(say: boolean): void {
    if (typingIdle) clearTimeout(typingIdle);
    typingIdle = null;
    if (visitorTyping && say) live.signal({ type: "typing", typing: false });
    visitorTyping = false;
  }

  // ---- the email question ----

  /** The visitor's last message is stored and nobody has answered it yet. */
  function unanswered(): boolean {
    for (let i = state.items.length - 1; i >= 0; i--) {
      const item = state.items[i]!;
      if (item.from === "system") continue;
      return item.from === "customer" && item.id !== null;
    }
    return false;
  }

  function shouldAskEmail(): boolean {
    const session = deps.sessions.load();
    return state.phase === "chat" && !!session && !session.email && !session.emailAsked && unanswered();
  }

  function askEmail(): void {
    deps.sessions.markEmailAsked();
    set({ askEmail: true });
  }

  function scheduleEmailQuestion(): void {
    if (askEmailTimer) clearTimeout(askEmailTimer);
    askEmailTimer = setTimeout(() => {
      askEmailTimer = null;
      if (!destroyed && shouldAskEmail()) askEmail();
    }, deps.askEmailAfterMs ?? ASK_EMAIL_AFTER_MS);
  }

  // ---- config ----

  async function loadConfig(): Promise<boolean> {
    try {
      const config = await deps.api.getConfig();
      configAt = now();
      succeeded("config");
      set({ config });
      // Opening hours or someone's availability changed since: offer what fits now (a chat in progress stays).
      if ((state.phase === "intro" || state.phase === "leave") && !deps.sessions.load()) set({ phase: config.mode === "leave_message" ? "leave" : "intro" });
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
    else set({ phase: state.config?.mode === "leave_message" ? "leave" : "intro" });
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
      // Leaving before an answer: ask once for the email instead of closing.
      if (!open && state.open && !state.askEmail && shouldAskEmail()) {
        closeAfterAsk = true;
        return askEmail();
      }
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
        set({ alert: badEmail ? s.badOptionalEmail : s.checkName });
        return;
      }
      set({ starting: true, alert: null });
      try {
        // Not retried automatically: a session request has no idempotency key.
        const session = await deps.api.createSession(parsed.data);
        deps.sessions.save(session);
        if (parsed.data.email) deps.sessions.setEmail(parsed.data.email);
        set({ starting: false });
        enterChat();
      } catch (err) {
        set({ starting: false, alert: errorText(s, err) });
      }
    },

    async leaveMessage({ name, email, text }) {
      if (state.leaving || state.phase !== "leave") return;
      leaveClientId ??= makeClientId();
      const parsed = WidgetLeaveMessageRequestSchema.safeParse({ clientId: leaveClientId, name, email: email.trim(), text });
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path[0];
        set({ alert: field === "name" ? s.needName : field === "email" ? s.needEmail : field === "text" ? s.needText : s.badRequest });
        return;
      }
      set({ leaving: true, alert: null });
      await sendLeft(parsed.data);
    },

    typing() {
      if (state.phase !== "chat") return;
      const at = now();
      if (!visitorTyping || at - typingSentAt >= TYPING_RENEW_MS) {
        if (live.signal({ type: "typing", typing: true })) {
          typingSentAt = at;
          visitorTyping = true;
        }
      }
      if (typingIdle) clearTimeout(typingIdle);
      typingIdle = setTimeout(() => stopTyping(true), TYPING_IDLE_MS);
    },

    async saveEmail(email) {
      const t = token();
      if (!t || state.savingEmail) return;
      const parsed = WidgetEmailRequestSchema.safeParse({ email: email.trim() });
      if (!parsed.success) return set({ alert: s.needEmail });
      set({ savingEmail: true, alert: null });
      try {
        await deps.api.saveEmail(t, parsed.data.email);
        deps.sessions.setEmail(parsed.data.email);
        closeAfterAsk = false;
        set({ savingEmail: false, askEmail: false, notice: s.emailSaved(parsed.data.email) });
      } catch (err) {
        if (isSessionGone(err)) return expire();
        set({ savingEmail: false, alert: errorText(s, err) });
      }
    },

    declineEmail() {
      const close = closeAfterAsk;
      closeAfterAsk = false;
      set({ askEmail: false, ...(close ? { open: false } : {}) });
    },

    send(text, choiceId) {
      if (state.phase !== "chat" || !state.config?.available) return false;
      const clientId = makeClientId();
      const parsed = WidgetSendRequestSchema.safeParse({ clientId, text, choiceId });
      if (!parsed.success) {
        const tooLong = parsed.error.issues.some((i) => i.code === "too_big");
        if (text.trim()) set({ alert: tooLong ? s.tooLong(MAX_TEXT_LENGTH) : s.cantSend });
        return false;
      }
      // The message itself tells the agent the visitor stopped typing (the server clears it).
      stopTyping(false);
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
      const due = [...waiting.values()];
      waiting.clear();
      for (const { timer, task } of due) {
        clearTimeout(timer);
        task();
      }
    },

    destroy() {
      destroyed = true;
      for (const timer of [typingIdle, agentTypingTimer, askEmailTimer]) if (timer) clearTimeout(timer);
      live.stop();
      outbox.dispose();
      for (const { timer } of waiting.values()) clearTimeout(timer);
      waiting.clear();
      listeners.clear();
    },
  };
}
