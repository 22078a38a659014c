import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findProbes, findReply, probeText, replyText } from "./marker.ts";

describe("probes in customer messages", () => {
  it("are found in the bytes of a Yjs update that carries the message, with the send time to the microsecond", () => {
    const doc = new Y.Doc();
    const update: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => update.push(u));
    const sentAt = 1_796_600_000_123.456;
    doc.getMap("conversations").set("c1", { id: "c1", lastMessagePreview: probeText(42, sentAt, "Where is my order? ¿Dónde está? 注文").slice(0, 140) });
    const probes = findProbes(update[0]!);
    expect(probes).toHaveLength(1);
    expect(probes[0]!.seq).toBe(42);
    expect(probes[0]!.sentAt).toBeCloseTo(sentAt, 3);
  });

  it("finds every message a batched update carries, and none in an agent's reply", () => {
    const frame = new TextEncoder().encode(`${probeText(1, 1000, "a")}|${replyText(2000, "hi")}|${probeText(2, 3000, "b")}`);
    expect(findProbes(frame).map((p) => p.seq)).toEqual([1, 2]);
  });

  it("reads the time an agent's reply was sent where the customer receives it", () => {
    expect(findReply(replyText(1_796_600_000_000.25, "Thanks for waiting"))).toBeCloseTo(1_796_600_000_000.25, 3);
    expect(findReply("Thanks for waiting")).toBeNull();
  });
});
