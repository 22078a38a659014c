import { describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { Room } from "./room.ts";
import type { Peer } from "./peer.ts";
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_SYNC, encodeUpdate } from "./y-messages.ts";

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

describe("Room awareness (who is viewing or typing)", () => {
  const user = (id: string, name: string) => ({ ...recorder(), user: { id, name, role: "agent" as const } });
  /** What a y-websocket client sends when it sets its local presence state. */
  function presence(clientId: number, state: Record<string, unknown> | null, clock = 1): Uint8Array {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    const a = new awarenessProtocol.Awareness(doc);
    a.setLocalState(state);
    const meta = a.meta.get(clientId)!;
    meta.clock = clock;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(a, [clientId]));
    a.destroy();
    return encoding.toUint8Array(enc);
  }

  it("relays presence under the socket's own signed-in name, and forgets it when the socket leaves", () => {
    const room = new Room("team.t1");
    const ana = user("u-ana", "Ana");
    const bruno = user("u-bruno", "Bruno");
    room.addPeer(ana, false);
    room.addPeer(bruno, false);
    const before = bruno.sent.length;
    room.receive(ana, presence(11, { user: { id: "u-sup", name: "Supervisor" }, conversationId: "c1", activity: "reply" }));
    expect(room.awareness.getStates().get(11)).toEqual({ user: { id: "u-ana", name: "Ana" }, conversationId: "c1", activity: "reply" });
    expect(bruno.sent.length).toBe(before + 1);
    room.removePeer(ana);
    expect(room.awareness.getStates().has(11)).toBe(false);
    room.awareness.destroy();
  });

  it("does not let one socket clear or overwrite a colleague's presence", () => {
    const room = new Room("team.t1");
    const ana = user("u-ana", "Ana");
    const mallory = user("u-m", "Mallory");
    room.addPeer(ana, false);
    room.addPeer(mallory, false);
    room.receive(ana, presence(21, { conversationId: "c1", activity: "viewing" }));
    room.receive(mallory, presence(21, null, 5));
    room.receive(mallory, presence(21, { conversationId: "c9", activity: "note" }, 6));
    expect(room.awareness.getStates().get(21)).toEqual({ user: { id: "u-ana", name: "Ana" }, conversationId: "c1", activity: "viewing" });
    room.awareness.destroy();
  });
});

describe("Room awareness after a client clears its presence", () => {
  it("still forgets the client when its socket leaves, after it cleared and set its state again", () => {
    const room = new Room("team.t1");
    const ana = { ...recorder(), user: { id: "u-ana", name: "Ana", role: "agent" as const } };
    room.addPeer(ana, false);
    const say = (state: Record<string, unknown> | null, clock: number) => {
      const doc = new Y.Doc();
      doc.clientID = 31;
      const a = new awarenessProtocol.Awareness(doc);
      a.setLocalState(state);
      a.meta.get(31)!.clock = clock;
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(a, [31]));
      a.destroy();
      room.receive(ana, encoding.toUint8Array(enc));
    };
    say({}, 1);
    say(null, 2); // closed the chat
    say({ conversationId: "c1", activity: "viewing" }, 3); // opened another
    expect(room.awareness.getStates().has(31)).toBe(true);
    room.removePeer(ana);
    expect(room.awareness.getStates().has(31)).toBe(false);
    room.awareness.destroy();
  });

  it("keeps a quiet room's sockets alive with a no-op, and says nothing extra while it is busy", () => {
    const room = new Room("team.t1");
    const peer = recorder();
    room.addPeer(peer, false);
    room.keepAlive(); // the greeting went to the peer alone; nothing was broadcast yet
    const quiet = peer.sent.length;
    room.keepAlive();
    expect(peer.sent.length).toBe(quiet + 1);
    const frame = decoding.createDecoder(peer.sent.at(-1)!);
    expect(decoding.readVarUint(frame)).toBe(MESSAGE_AWARENESS);
    // What the client does with it: nothing (no state added, changed or removed).
    const client = new awarenessProtocol.Awareness(new Y.Doc());
    let changes = 0;
    client.on("change", () => changes++);
    awarenessProtocol.applyAwarenessUpdate(client, decoding.readVarUint8Array(frame), "server");
    expect(changes).toBe(0);
    expect(client.getStates().size).toBe(1); // its own
    // A busy room needs no keep-alive: the updates are the sign of life.
    room.doc.getMap("conversations").set("c1", { id: "c1" });
    const busy = peer.sent.length;
    room.keepAlive();
    expect(peer.sent.length).toBe(busy);
  });
});
