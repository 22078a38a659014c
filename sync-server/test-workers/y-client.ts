import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_SYNC } from "../src/rooms/y-messages.ts";

/**
 * A y-websocket peer over a workerd WebSocket, speaking the protocol as the stock client does:
 * answers sync step 1, applies step 2 and updates into its own Y.Doc, and sends its local edits.
 */
export class YClient {
  readonly doc = new Y.Doc();
  /** Every binary frame received (to see that a woken room talks to its sockets again). */
  frames = 0;
  closed: { code: number } | null = null;
  /** The room's state arrived (sync step 2), as y-websocket's "synced". */
  synced = false;

  constructor(readonly ws: WebSocket) {
    // Frames may arrive as Blobs; they are read one after the other so they keep their order.
    let reading: Promise<void> = Promise.resolve();
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") return;
      const data = event.data as ArrayBuffer | Blob;
      reading = reading.then(async () => this.receive(new Uint8Array(data instanceof Blob ? await data.arrayBuffer() : data)));
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code };
    });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      ws.send(encoding.toUint8Array(encoder));
    });
    const hello = encoding.createEncoder();
    encoding.writeVarUint(hello, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(hello, this.doc);
    ws.send(encoding.toUint8Array(hello));
  }

  private receive(bytes: Uint8Array): void {
    this.frames++;
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    if (syncProtocol.readSyncMessage(decoder, encoder, this.doc, "remote") === syncProtocol.messageYjsSyncStep2) this.synced = true;
    if (encoding.length(encoder) > 1) this.ws.send(encoding.toUint8Array(encoder));
  }

  close(): void {
    this.ws.close(1000, "done");
  }
}

/** Polls until `check` returns a value (the runtime's own test timeout bounds the wait). */
export async function eventually<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
