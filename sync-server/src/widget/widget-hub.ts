import type { WidgetFrame, WidgetMessage } from "@inbox/shared";

/** A visitor's open widget socket, as the core sees it. */
export interface WidgetPeer {
  send(text: string): void;
}

/** Readies a message for the visitor (signs its media link); async, so frames queue behind it. */
export interface WidgetMessagePrep {
  needed(message: WidgetMessage): boolean;
  prepare(message: WidgetMessage): Promise<WidgetMessage>;
}

/** Open widget sockets by visitor (the session's visitor id, never the contact), for live delivery of replies. */
export class WidgetHub {
  private readonly peers = new Map<string, Set<WidgetPeer>>();
  /** Per visitor, the frames waiting for a message to be prepared: they keep their order. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly prep: WidgetMessagePrep | null = null) {}

  /** How many sockets this visitor holds open here. */
  count(visitorId: string): number {
    return this.peers.get(visitorId)?.size ?? 0;
  }

  add(visitorId: string, peer: WidgetPeer): void {
    let set = this.peers.get(visitorId);
    if (!set) this.peers.set(visitorId, (set = new Set()));
    set.add(peer);
    peer.send(JSON.stringify({ type: "ready" } satisfies WidgetFrame));
  }

  remove(visitorId: string, peer: WidgetPeer): void {
    const set = this.peers.get(visitorId);
    set?.delete(peer);
    if (set && set.size === 0) this.peers.delete(visitorId);
  }

  /** Returns how many sockets received (or, while a message is prepared, will receive) the message. */
  push(visitorId: string, message: WidgetMessage): number {
    const set = this.peers.get(visitorId);
    if (!set) return 0;
    const prep = this.prep;
    const queued = this.queues.get(visitorId);
    if (!queued && !prep?.needed(message)) return this.send(visitorId, message);
    const count = set.size;
    const next = (queued ?? Promise.resolve())
      .then(() => (prep?.needed(message) ? prep.prepare(message) : message))
      // Unprepared is still better than lost: the widget then shows the file as unavailable.
      .catch(() => message)
      .then((ready) => void this.send(visitorId, ready));
    this.queues.set(visitorId, next);
    void next.then(() => {
      if (this.queues.get(visitorId) === next) this.queues.delete(visitorId);
    });
    return count;
  }

  /** A typing signal: straight to the sockets, ahead of any message still being prepared (it says nothing lasting). */
  signal(visitorId: string, frame: Extract<WidgetFrame, { type: "typing" }>): void {
    const text = JSON.stringify(frame satisfies WidgetFrame);
    for (const peer of this.peers.get(visitorId) ?? []) {
      try {
        peer.send(text);
      } catch {
        // closed meanwhile
      }
    }
  }

  private send(visitorId: string, message: WidgetMessage): number {
    const set = this.peers.get(visitorId);
    if (!set) return 0;
    const frame = JSON.stringify({ type: "message", message } satisfies WidgetFrame);
    let sent = 0;
    for (const peer of set) {
      try {
        peer.send(frame);
        sent++;
      } catch {
        set.delete(peer);
      }
    }
    return sent;
  }
}
