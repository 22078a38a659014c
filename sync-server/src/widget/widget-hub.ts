import type { WidgetFrame, WidgetMessage } from "@inbox/shared";

/** A visitor's open widget socket, as the core sees it. */
export interface WidgetPeer {
  send(text: string): void;
}

/** Open widget sockets by visitor (contact id), for live delivery of replies. */
export class WidgetHub {
  private readonly peers = new Map<string, Set<WidgetPeer>>();

  add(contactId: string, peer: WidgetPeer): void {
    let set = this.peers.get(contactId);
    if (!set) this.peers.set(contactId, (set = new Set()));
    set.add(peer);
    peer.send(JSON.stringify({ type: "ready" } satisfies WidgetFrame));
  }

  remove(contactId: string, peer: WidgetPeer): void {
    const set = this.peers.get(contactId);
    set?.delete(peer);
    if (set && set.size === 0) this.peers.delete(contactId);
  }

  /** Returns how many sockets received the message. */
  push(contactId: string, message: WidgetMessage): number {
    const set = this.peers.get(contactId);
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
