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
    this.send({ type: "ready" });
  }
  send(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === "string" ? frame : JSON.stringify(frame) });
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
    ...rest,
  };
}
