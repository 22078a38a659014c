import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

/**
 * The y-websocket wire format (message type varint, then the y-protocols payload), as pure
 * encode/decode functions so the room logic stays free of I/O.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(enc, doc);
  return encoding.toUint8Array(enc);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(enc);
}

/** Auth message "permission denied": the stock client logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_AUTH);
  encoding.writeVarUint(enc, 0);
  encoding.writeVarString(enc, reason);
  return encoding.toUint8Array(enc);
}

export type Incoming =
  | { type: "sync-step1"; stateVector: Uint8Array }
  | { type: "sync-update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" }
  | { type: "unknown"; messageType: number };

export function decodeMessage(data: Uint8Array): Incoming {
  const dec = decoding.createDecoder(data);
  const messageType = decoding.readVarUint(dec);
  if (messageType === MESSAGE_SYNC) {
    const syncType = decoding.readVarUint(dec);
    const payload = decoding.readVarUint8Array(dec);
    if (syncType === syncProtocol.messageYjsSyncStep1) return { type: "sync-step1", stateVector: payload };
    return { type: "sync-update", update: payload }; // step 2 and update carry the same payload
  }
  if (messageType === MESSAGE_AWARENESS) return { type: "awareness", update: decoding.readVarUint8Array(dec) };
  if (messageType === MESSAGE_QUERY_AWARENESS) return { type: "query-awareness" };
  return { type: "unknown", messageType };
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array, encodeStateAsUpdate: (d: Y.Doc, sv: Uint8Array) => Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  encoding.writeVarUint(enc, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(enc, encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(enc);
}
