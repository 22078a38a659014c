/** Test doubles shared by the widget's unit tests (never imported by the widget itself). */
import type { WidgetMessage } from "@inbox/shared/api/widget";
import type { SocketLike } from "../live.ts";

export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  closed = false;
  /** Frames the widget wrote to the socket, parsed. */
  sent: unknown[] = [];
  /** Make the widget's writes throw (a socket the browser already considers closing). */
  failSends = false;
  /** A fake server's handler for frames the widget writes. */
  onSend: ((frame: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  static latest(): FakeSocket {
    const s = FakeSocket.all.at(-1);
    if (!s) throw new Error("no socket opened");
    return s;
  }
  /** The server accepts the connection and says ready. */
  ready(): void {
    this.onopen?.({});
    this.push({ type: "ready" });
  }
  /** The server pushes a frame down to the widget. */
  push(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === "string" ? frame : JSON.stringify(frame) });
  }
  /** The widget writes a frame up to the server. */
  send(data: string): void {
    if (this.closed || this.failSends) throw new Error("WebSocket is already in CLOSING or CLOSED state.");
    const frame: unknown = JSON.parse(data);
    this.sent.push(frame);
    this.onSend?.(frame);
  }
  /** The connection drops (server restart, network change…). */
  drop(code = 1006): void {
    this.closed = true;
    this.onclose?.({ code });
  }
  close(): void {
    this.closed = true;
  }
}

let seq = 0;
export function msg(partial: Partial<WidgetMessage> & { text?: string } = {}): WidgetMessage {
  seq++;
  const { text, ...rest } = partial;
  return {
    id: `m${seq}`,
    clientId: null,
    from: "agent",
    senderName: "Grace",
    content: { kind: "text", text: text ?? `message ${seq}` },
    status: "sent",
    createdAt: 1_000 + seq,
    position: seq,
    ...rest,
  };
}
