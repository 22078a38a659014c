import { WidgetFrameSchema, type WidgetClientFrame, type WidgetMessage } from "@inbox/shared/api/widget";
import { ApiError } from "./api.ts";
import { backoffDelay } from "./backoff.ts";

/**
 * The widget's live socket: `WidgetFrame` JSON frames, reconnected with backoff whenever it
 * drops. Messages sent while it was down are not replayed by the server, so `onReady` fires on
 * every (re)connection and the caller refetches history then.
 *
 * It is also the fast path for the customer's own messages: `sendMessage` writes a `send`
 * frame and settles on the server's `ack` (or `error`) for that clientId. When the socket can't
 * answer (not open, closed mid-send, no answer in time) it fails with `LiveSendUnavailable` and
 * the caller falls back to POST with the same clientId; the server stores it once either way.
 */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** The socket could not deliver this message (closed, timed out…): send it by POST instead. */
export class LiveSendUnavailable extends Error {
  constructor(message = "Live socket unavailable") {
    super(message);
    this.name = "LiveSendUnavailable";
  }
}

/** HTTP status the POST would have answered with for an error `code`, so both paths fail alike. */
const STATUS_OF_CODE: Record<string, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  channel_unavailable: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  overloaded: 503,
};
export type SocketFactory = (url: string) => SocketLike;

export type LiveStatus = "connecting" | "open" | "closed";

export interface LiveOptions {
  /** Where to connect; may be fetched first (a ticket). A failure counts as a failed connection. */
  url: () => string | Promise<string>;
  connect: SocketFactory;
  onMessage(message: WidgetMessage): void;
  /** An agent started or stopped typing. */
  onTyping?(typing: boolean, name: string): void;
  /** The server said `ready`; `reconnected` is false only the first time. */
  onReady?(reconnected: boolean): void;
  onStatus?(status: LiveStatus): void;
  /** The socket closed (before any reconnect is scheduled), with its close code. */
  onClose?(code: number): void;
  backoff?(attempt: number): number;
  /** How long a message sent on the socket may wait for its ack before POST takes over. */
  sendTimeoutMs?: number;
}

export interface Live {
  start(): void;
  stop(): void;
  /** Skip the remaining backoff and connect now (browser back online, tab visible again). */
  reconnectNow(): void;
  status(): LiveStatus;
  /**
   * Send one customer message over the socket. Null when the socket is not open (after
   * `ready`) or has stopped answering: use POST. The promise resolves with the stored message on
   * `ack`, rejects with an `ApiError` on `error` (as the POST would), or with
   * `LiveSendUnavailable` on close or timeout.
   */
  sendMessage(entry: { clientId: string; text: string; choiceId?: string }): Promise<WidgetMessage> | null;
  /** A passing signal (the visitor typing): sent if the socket is open, else dropped. True if sent. */
  signal(frame: Extract<WidgetClientFrame, { type: "typing" }>): boolean;
}

interface InFlight {
  resolve(message: WidgetMessage): void;
  reject(err: unknown): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createLive(opts: LiveOptions): Live {
  const backoff = opts.backoff ?? ((n: number) => backoffDelay(n, { baseMs: 1000 }));
  let socket: SocketLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let stopped = true;
  /** The url is being fetched: no second connection meanwhile. */
  let fetchingUrl = false;
  let readyOnce = false;
  let status: LiveStatus = "closed";
  const sendTimeoutMs = opts.sendTimeoutMs ?? 5000;
  /** False once a send on this connection went unanswered: POST until the next `ready`. */
  let sendOk = false;
  const inFlight = new Map<string, InFlight>();

  function settle(clientId: string): InFlight | null {
    const f = inFlight.get(clientId);
    if (!f) return null;
    inFlight.delete(clientId);
    clearTimeout(f.timer);
    return f;
  }

  function failAll(reason: string): void {
    for (const clientId of [...inFlight.keys()]) settle(clientId)?.reject(new LiveSendUnavailable(reason));
  }

  function setStatus(s: LiveStatus): void {
    if (s === status) return;
    status = s;
    opts.onStatus?.(s);
  }

  function detach(s: SocketLike): void {
    s.onopen = s.onmessage = s.onclose = s.onerror = null;
  }

  function scheduleReconnect(): void {
    if (stopped || timer) return;
    const delay = backoff(attempt);
    attempt++;
    timer = setTimeout(() => {
      timer = null;
      connect();
    }, delay);
  }

  function connect(): void {
    if (stopped || socket || fetchingUrl) return;
    setStatus("connecting");
    let url: string | Promise<string>;
    try {
      url = opts.url();
    } catch {
      scheduleReconnect();
      return;
    }
    if (typeof url === "string") return open(url);
    fetchingUrl = true;
    url.then(
      (u) => {
        fetchingUrl = false;
        if (!stopped && !socket) open(u);
      },
      () => {
        fetchingUrl = false;
        scheduleReconnect();
      },
    );
  }

  function open(url: string): void {
    let s: SocketLike;
    try {
      s = opts.connect(url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onmessage = (ev) => {
      if (typeof ev.data !== "string") return;
      let json: unknown;
      try {
        json = JSON.parse(ev.data);
      } catch {
        return;
      }
      const frame = WidgetFrameSchema.safeParse(json);
      if (!frame.success) return; // unknown frame kinds from a newer server are ignored
      const f = frame.data;
      switch (f.type) {
        case "ready": {
          attempt = 0;
          sendOk = true;
          setStatus("open");
          const reconnected = readyOnce;
          readyOnce = true;
          opts.onReady?.(reconnected);
          break;
        }
        case "message":
          opts.onMessage(f.message);
          break;
        case "typing":
          opts.onTyping?.(f.typing, f.name);
          break;
        case "ack": {
          const pending = settle(f.clientId);
          // A late ack (POST already took over) still shows the message; merging dedupes it.
          if (pending) pending.resolve(f.message);
          else opts.onMessage(f.message);
          break;
        }
        case "error": {
          if (f.clientId === null) {
            // Not tied to a message we can name: let POST give each in-flight one a clear answer.
            failAll("unattributed error frame");
            break;
          }
          settle(f.clientId)?.reject(new ApiError(STATUS_OF_CODE[f.code] ?? 400, f.code, f.message));
          break;
        }
      }
    };
    s.onclose = (ev) => {
      detach(s);
      if (socket === s) socket = null;
      sendOk = false;
      failAll("socket closed");
      if (stopped) return;
      setStatus("connecting");
      opts.onClose?.(ev.code);
      scheduleReconnect();
    };
    s.onerror = () => {
      // Browsers follow every error with a close event; reconnecting happens there.
    };
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      attempt = 0;
      connect();
    },
    stop() {
      stopped = true;
      sendOk = false;
      failAll("stopped");
      if (timer) clearTimeout(timer);
      timer = null;
      if (socket) {
        const s = socket;
        socket = null;
        detach(s);
        try {
          s.close(1000, "bye");
        } catch {
          // already closing
        }
      }
      setStatus("closed");
    },
    reconnectNow() {
      if (stopped || socket || fetchingUrl) return;
      if (timer) clearTimeout(timer);
      timer = null;
      connect();
    },
    status: () => status,
    signal(frame) {
      if (!socket || status !== "open") return false;
      try {
        socket.send(JSON.stringify(frame));
        return true;
      } catch {
        return false;
      }
    },
    sendMessage({ clientId, text, choiceId }) {
      const s = socket;
      if (!s || status !== "open" || !sendOk || inFlight.has(clientId)) return null;
      const frame: WidgetClientFrame = choiceId ? { type: "send", clientId, text, choiceId } : { type: "send", clientId, text };
      return new Promise<WidgetMessage>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (!settle(clientId)) return;
          // The server may not speak this protocol (or is stuck): stop using the socket for
          // sending until it reconnects, so later messages don't each wait out the timeout.
          if (socket === s) sendOk = false;
          reject(new LiveSendUnavailable("no ack in time"));
        }, sendTimeoutMs);
        inFlight.set(clientId, { resolve, reject, timer });
        try {
          s.send(JSON.stringify(frame));
        } catch {
          settle(clientId);
          reject(new LiveSendUnavailable("socket send failed"));
        }
      });
    },
  };
}

/** The browser's WebSocket behind the SocketLike interface. */
export function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const s: SocketLike = {
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  };
  ws.onopen = (e) => s.onopen?.(e);
  ws.onmessage = (e) => s.onmessage?.(e);
  ws.onclose = (e) => s.onclose?.(e);
  ws.onerror = (e) => s.onerror?.(e);
  return s;
}
