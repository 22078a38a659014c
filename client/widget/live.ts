import { WidgetFrameSchema, type WidgetMessage } from "@inbox/shared/api/widget";
import { backoffDelay } from "./backoff.ts";

/**
 * The widget's live socket: `WidgetFrame` JSON frames, reconnected with backoff whenever it
 * drops. Messages sent while it was down are not replayed by the server, so `onReady` fires on
 * every (re)connection and the caller refetches history then.
 */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

export type LiveStatus = "connecting" | "open" | "closed";

export interface LiveOptions {
  url: () => string;
  connect: SocketFactory;
  onMessage(message: WidgetMessage): void;
  /** The server said `ready`; `reconnected` is false only the first time. */
  onReady?(reconnected: boolean): void;
  onStatus?(status: LiveStatus): void;
  /** The socket closed (before any reconnect is scheduled), with its close code. */
  onClose?(code: number): void;
  backoff?(attempt: number): number;
}

export interface Live {
  start(): void;
  stop(): void;
  /** Skip the remaining backoff and connect now (browser back online, tab visible again). */
  reconnectNow(): void;
  status(): LiveStatus;
}

export function createLive(opts: LiveOptions): Live {
  const backoff = opts.backoff ?? ((n: number) => backoffDelay(n, { baseMs: 1000 }));
  let socket: SocketLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let stopped = true;
  let readyOnce = false;
  let status: LiveStatus = "closed";

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
    if (stopped || socket) return;
    setStatus("connecting");
    let s: SocketLike;
    try {
      s = opts.connect(opts.url());
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
      if (frame.data.type === "ready") {
        attempt = 0;
        setStatus("open");
        const reconnected = readyOnce;
        readyOnce = true;
        opts.onReady?.(reconnected);
      } else {
        opts.onMessage(frame.data.message);
      }
    };
    s.onclose = (ev) => {
      detach(s);
      if (socket === s) socket = null;
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
      if (stopped || socket) return;
      if (timer) clearTimeout(timer);
      timer = null;
      connect();
    },
    status: () => status,
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
    close: (code, reason) => ws.close(code, reason),
  };
  ws.onopen = (e) => s.onopen?.(e);
  ws.onmessage = (e) => s.onmessage?.(e);
  ws.onclose = (e) => s.onclose?.(e);
  ws.onerror = (e) => s.onerror?.(e);
  return s;
}
