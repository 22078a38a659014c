import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CLOSE_RENEWED } from "../src/rooms/peer.ts";
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_SYNC, encodeSyncStep1 } from "../src/rooms/y-messages.ts";

// A room as the PWA's y-websocket provider holds it, at the wire: sync step 1 on open, step 2
// back to the server's step 1, updates and awareness as they come, the agent's own awareness
// state when it changes and when y-protocols renews it (every 15 s). It keeps no document
// itself (a thousand agents' copies of the same list would only measure this process): whoever
// needs the content gets each update's bytes.

const EMPTY = new Y.Doc();
/** What a client with nothing to add answers the server's step 1 with. */
const EMPTY_STEP2 = (() => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(enc, EMPTY);
  return encoding.toUint8Array(enc);
})();
const EMPTY_STEP1 = encodeSyncStep1(EMPTY);

export interface RoomEvents {
  /** A sync step 2 or update from the server (the payload, a Yjs update). */
  update?(update: Uint8Array, frame: Uint8Array): void;
  /** The server started the room over (4409, boards): the PWA opens it again with an empty document. */
  renewed?(): void;
  error(kind: string): void;
}

export class RoomSocket {
  private readonly ws: WebSocket;
  private closedByUs = false;
  /** Resolves once the server's full state (step 2) arrived. */
  readonly synced: Promise<void>;

  /** The room's kind (team, user, board, conv, work), for what the run reports. */
  readonly kind: string;

  constructor(url: string, token: string, private readonly events: RoomEvents, private readonly awareness?: awarenessProtocol.Awareness) {
    this.kind = url.slice(url.lastIndexOf("/") + 1).split(".")[0]!;
    this.ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    let markSynced!: () => void;
    let failSync!: (err: Error) => void;
    this.synced = new Promise<void>((resolve, reject) => ((markSynced = resolve), (failSync = reject)));
    this.synced.catch(() => undefined);
    this.ws.binaryType = "nodebuffer";
    this.ws.on("open", () => {
      this.ws.send(EMPTY_STEP1);
      if (awareness && awareness.getLocalState() !== null) this.sendAwareness();
    });
    this.ws.on("message", (data: Buffer) => {
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const dec = decoding.createDecoder(frame);
      const type = decoding.readVarUint(dec);
      if (type === MESSAGE_SYNC) {
        const step = decoding.readVarUint(dec);
        if (step === syncProtocol.messageYjsSyncStep1) return this.ws.send(EMPTY_STEP2);
        const update = decoding.readVarUint8Array(dec);
        if (step === syncProtocol.messageYjsSyncStep2) markSynced();
        this.events.update?.(update, frame);
      } else if (type === MESSAGE_AUTH) {
        this.events.error("permission denied frame");
      }
      // MESSAGE_AWARENESS: colleagues' presence; the PWA draws it, the load needs nothing from it.
    });
    this.ws.on("unexpected-response", (_req, res) => {
      this.events.error(`${this.kind} room socket refused ${res.statusCode}`);
      failSync(new Error(`refused ${res.statusCode}`));
    });
    this.ws.on("error", () => {
      // Closing a room still connecting (the agent moved on to another chat) errors by design.
      if (!this.closedByUs) this.events.error(`${this.kind} room socket error`);
      failSync(new Error("socket error"));
    });
    this.ws.on("close", (code) => {
      if (code === CLOSE_RENEWED && this.events.renewed) this.events.renewed();
      else if (!this.closedByUs) this.events.error(`${this.kind} room socket closed ${code}`);
      failSync(new Error(`closed ${code}`));
    });
  }

  /** This agent's awareness state, as y-websocket sends it on every change and renewal. */
  sendAwareness(): void {
    if (!this.awareness || this.ws.readyState !== WebSocket.OPEN) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]));
    this.ws.send(encoding.toUint8Array(enc));
  }

  close(): void {
    this.closedByUs = true;
    this.ws.close(1000);
  }
}
