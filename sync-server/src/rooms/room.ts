import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { guardAwarenessUpdate } from "./awareness-guard.ts";
import { CLOSE_CHANGE_REFUSED, type Peer } from "./peer.ts";
import {
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from "./y-messages.ts";

interface PeerState {
  writable: boolean;
  /** Awareness client ids this socket announced, removed when it leaves. */
  awarenessIds: Set<number>;
}

/**
 * Looks at a writable peer's update before it is applied: a sentence saying why it is refused,
 * or null to apply it. A refused update never enters the document (nor its persisted log).
 */
export type UpdateGuard = (update: Uint8Array) => string | null;

/**
 * One live Yjs document and the sockets editing or watching it. Pure: persistence and
 * authorisation are decided by whoever creates the room and adds peers.
 */
export class Room {
  private current = new Y.Doc();
  private currentAwareness!: awarenessProtocol.Awareness;
  private readonly peers = new Map<Peer, PeerState>();
  /** Set by the room's kind (work rooms: sizes and shapes agents may write). */
  guardUpdates: UpdateGuard | null = null;
  /** Updates applied to the current document since it was created (see `renew`). */
  updateCount = 0;
  /** Whether anything went out to the peers since the last `keepAlive`. */
  private sentSinceKeepAlive = false;

  constructor(readonly name: string) {
    this.wire();
  }

  get doc(): Y.Doc {
    return this.current;
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.currentAwareness;
  }

  /**
   * Starts the room over with an empty document and closes every socket with `code`, so each
   * client drops its copy and opens the room afresh. Only for rooms the server writes whole and
   * never stores (a board): an overwritten Y.Map entry leaves a tombstone behind, and a board
   * rewritten many times a second all day would grow without bound on the server and on every
   * display. The caller writes the whole state into the new document at once.
   */
  renew(code: number, reason: string): void {
    const old = { doc: this.current, awareness: this.currentAwareness };
    this.closeAll(code, reason);
    this.current = new Y.Doc();
    this.updateCount = 0;
    this.wire();
    old.awareness.destroy();
    old.doc.destroy();
  }

  private wire(): void {
    const doc = this.current;
    const awareness = new awarenessProtocol.Awareness(doc);
    this.currentAwareness = awareness;
    // The server itself is not a participant; without this it would show up as a user.
    awareness.setLocalState(null);
    doc.on("update", (update: Uint8Array) => {
      this.updateCount++;
      this.broadcast(encodeUpdate(update));
    });
    awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        const state = origin instanceof Object ? this.peers.get(origin as Peer) : undefined;
        if (state) {
          // "updated" too: a client that cleared its state and set it again comes back as an update.
          for (const id of [...added, ...updated]) state.awarenessIds.add(id);
          for (const id of removed) state.awarenessIds.delete(id);
        }
        this.broadcast(encodeAwareness(awareness, changed));
      },
    );
  }

  get peerCount(): number {
    return this.peers.size;
  }

  addPeer(peer: Peer, writable: boolean): void {
    this.peers.set(peer, { writable, awarenessIds: new Set() });
    peer.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
  }

  /** Narrows (or widens) what a connected peer may do, after its access was checked again. */
  setWritable(peer: Peer, writable: boolean): void {
    const state = this.peers.get(peer);
    if (state) state.writable = writable;
  }

  removePeer(peer: Peer): void {
    const state = this.peers.get(peer);
    if (!state) return;
    this.peers.delete(peer);
    if (state.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessIds], null);
    }
  }

  /** Handles one message; a bad message is reported to the caller, never fatal to the room. */
  receive(peer: Peer, data: Uint8Array): void {
    const state = this.peers.get(peer);
    if (!state) return;
    const msg = decodeMessage(data);
    switch (msg.type) {
      case "sync-step1":
        peer.send(encodeSyncStep2(this.doc, msg.stateVector, Y.encodeStateAsUpdate));
        return;
      case "sync-update":
        if (!state.writable) {
          // Every client answers our step 1 with its own (usually empty) state: not an edit.
          if (isEmptyUpdate(msg.update)) return;
          peer.send(encodePermissionDenied("This document is read-only for you; changes go through commands."));
          return;
        }
        {
          const refused = this.guardUpdates?.(msg.update) ?? null;
          if (refused) {
            // Its later changes would build on this one: the socket closes (and stays closed).
            peer.send(encodePermissionDenied(refused));
            this.removePeer(peer);
            peer.close(CLOSE_CHANGE_REFUSED, refused.slice(0, 120));
            return;
          }
        }
        Y.applyUpdate(this.doc, msg.update, peer);
        return;
      case "awareness": {
        // Signed-in sockets speak only for themselves, under their own name.
        const update = peer.user ? guardAwarenessUpdate(msg.update, peer.user, (id) => this.ownedByOther(peer, id)) : msg.update;
        if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
        return;
      }
      case "query-awareness":
        peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case "unknown":
        return;
    }
  }

  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) {
      this.removePeer(peer);
      peer.close(code, reason);
    }
  }

  private ownedByOther(peer: Peer, clientId: number): boolean {
    for (const [other, state] of this.peers) if (other !== peer && state.awarenessIds.has(clientId)) return true;
    return false;
  }

  /**
   * Sends every peer an empty awareness update (a no-op for the client) unless something went out
   * since the last call. The stock client closes a socket that received nothing for 30 s and
   * reconnects; a quiet room (a team list at night, an agent with no chat open, so no presence
   * to renew) would otherwise drop and reopen every socket twice a minute, showing "Connecting…"
   * each time. The runtime calls this every few seconds (Node: a timer; Workers: the alarm).
   */
  keepAlive(): void {
    if (!this.sentSinceKeepAlive && this.peers.size > 0) this.broadcast(encodeAwareness(this.awareness, []));
    this.sentSinceKeepAlive = false;
  }

  private broadcast(message: Uint8Array): void {
    this.sentSinceKeepAlive = true;
    for (const peer of this.peers.keys()) {
      try {
        peer.send(message);
      } catch {
        this.removePeer(peer);
      }
    }
  }
}

/** An update with no structs and no deletions (what an empty client sends in sync step 2). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((b) => b === 0);
}
