import { roomName, type WidgetFrame, type WidgetMessage } from "@inbox/shared";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import type { RoomHistory } from "../rooms/room-history.ts";
import type { RoomOp } from "../rooms/room-ops.ts";
import type { WidgetPush } from "../widget/index.ts";
import type { DurableObjectNamespace } from "./cf-types.ts";
import { BOARD_CHANGED_PATH, opsRequest } from "./internal.ts";

/**
 * Sends to Durable Objects by name, one chain per object so each receives its writes in the
 * order they were made. `idle()` is what the Worker hands to `waitUntil`.
 */
class OrderedDelivery {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly namespace: DurableObjectNamespace,
    private readonly what: string,
  ) {}

  /**
   * Resolves with the object's JSON answer, or null if it could not be reached; never rejects.
   * `onStart` runs as the request leaves (after the object's earlier requests were answered).
   */
  send(name: string, path: string, body: unknown, onStart?: () => void): Promise<unknown> {
    const previous = this.chains.get(name) ?? Promise.resolve();
    const sent = previous.then(async () => {
      onStart?.();
      try {
        const res = await this.namespace.get(this.namespace.idFromName(name)).fetch(opsRequest(name, path, body));
        if (!res.ok) console.error(`${this.what} ${name} refused a write: ${res.status}`);
        return res.ok && res.status !== 204 ? ((await res.json()) as unknown) : null;
      } catch (err) {
        // The record has it: a room is whole again when it next loads (hydrate), a widget
        // fetches its history when it reconnects.
        console.error(`could not reach ${this.what} ${name}`, err);
        return null;
      }
    });
    const next = sent.then(() => undefined);
    this.chains.set(name, next);
    void next.then(() => {
      if (this.chains.get(name) === next) this.chains.delete(name);
    });
    return sent;
  }

  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }
}

/**
 * The core's writes into live rooms, each delivered to that room's `RoomObject`; also the rooms'
 * stored histories (erasure, retention), in the same per-room order as the writes.
 */
export class DurableLiveRooms implements LiveRooms, RoomHistory {
  private readonly delivery: OrderedDelivery;
  /** Teams whose board's object has a `/board-changed` waiting to be sent. */
  private readonly boardsQueued = new Set<string>();

  constructor(rooms: DurableObjectNamespace) {
    this.delivery = new OrderedDelivery(rooms, "room");
  }

  apply(room: string, ops: RoomOp[]): void {
    if (ops.length > 0) void this.delivery.send(room, "/ops", ops);
  }

  /**
   * A team's chats or agents changed: its board's object rebuilds the board if anyone watches it.
   * One word per team waits at a time (a request may write a team's room several times): the
   * object reads the record when the word arrives, so a queued one covers the later changes.
   */
  boardChanged(teamId: string): void {
    if (this.boardsQueued.has(teamId)) return;
    this.boardsQueued.add(teamId);
    void this.delivery.send(roomName({ kind: "board", id: teamId }), BOARD_CHANGED_PATH, {}, () => this.boardsQueued.delete(teamId));
  }

  async rewrite(room: string, ops: RoomOp[]): Promise<void> {
    if ((await this.delivery.send(room, "/rewrite", ops)) === null) throw new Error(`could not rewrite the history of room ${room}`);
  }

  async drop(room: string): Promise<void> {
    if ((await this.delivery.send(room, "/drop", {})) === null) throw new Error(`could not drop room ${room}`);
  }

  idle(): Promise<void> {
    return this.delivery.idle();
  }
}

/** The Durable Object that holds a visitor's widget sockets (by the session's visitor id, never the contact). */
export function visitorObjectName(visitorId: string): string {
  return `widget.${visitorId}`;
}

/** Messages to a visitor's widget sockets, delivered to their `VisitorObject`. */
export class DurableWidgetPush implements WidgetPush {
  private readonly delivery: OrderedDelivery;

  constructor(visitors: DurableObjectNamespace) {
    this.delivery = new OrderedDelivery(visitors, "visitor");
  }

  /** Resolves with how many of the visitor's sockets got the message. */
  async push(visitorId: string, message: WidgetMessage): Promise<number> {
    const answer = (await this.delivery.send(visitorObjectName(visitorId), "/push", message)) as { sent?: number } | null;
    return answer?.sent ?? 0;
  }

  async signal(visitorId: string, frame: Extract<WidgetFrame, { type: "typing" }>): Promise<void> {
    await this.delivery.send(visitorObjectName(visitorId), "/signal", frame);
  }

  idle(): Promise<void> {
    return this.delivery.idle();
  }
}
