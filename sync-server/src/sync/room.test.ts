import { describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { Room } from "./room.ts";
import type { Peer } from "./peer.ts";
import { MESSAGE_AUTH, MESSAGE_SYNC, encodeUpdate } from "./y-messages.ts";

function recorder(): Peer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return { sent, send: (d) => sent.push(d), close: () => undefined };
}

function updateFrom(mutate: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  mutate(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe("Room", () => {
  it("greets a new peer with sync step 1 and answers its step 1 with the document", () => {
    const room = new Room("team.t1");
    room.doc.getMap("conversations").set("c1", { id: "c1" });
    const peer = recorder();
    room.addPeer(peer, false);
    const first = decoding.createDecoder(peer.sent[0]!);
    expect(decoding.readVarUint(first)).toBe(MESSAGE_SYNC);
    expect(decoding.readVarUint(first)).toBe(syncProtocol.messageYjsSyncStep1);

    const client = new Y.Doc();
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(enc, client);
    room.receive(peer, encoding.toUint8Array(enc));
    const reply = decoding.createDecoder(peer.sent.at(-1)!);
    decoding.readVarUint(reply);
    expect(decoding.readVarUint(reply)).toBe(syncProtocol.messageYjsSyncStep2);
    Y.applyUpdate(client, decoding.readVarUint8Array(reply));
    expect(client.getMap("conversations").get("c1")).toEqual({ id: "c1" });
  });

  it("refuses edits from a read-only peer and tells it why, without touching the document", () => {
    const room = new Room("conv.c1");
    const peer = recorder();
    room.addPeer(peer, false);
    room.receive(peer, encodeUpdate(updateFrom((d) => d.getMap("messages").set("fake", { text: "forged" }))));
    expect(room.doc.getMap("messages").has("fake")).toBe(false);
    const denied = decoding.createDecoder(peer.sent.at(-1)!);
    expect(decoding.readVarUint(denied)).toBe(MESSAGE_AUTH);
  });

  it("applies a writable peer's edits and relays them to the others", () => {
    const room = new Room("work.c1");
    const writer = recorder();
    const watcher = recorder();
    room.addPeer(writer, true);
    room.addPeer(watcher, false);
    const before = watcher.sent.length;
    room.receive(writer, encodeUpdate(updateFrom((d) => d.getText("draft").insert(0, "hello"))));
    expect(room.doc.getText("draft").toString()).toBe("hello");
    expect(watcher.sent.length).toBe(before + 1);
  });
});
