import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { normalizeLabel, notesInOrder, readLabels } from "./work-values.ts";

describe("labels in the work document", () => {
  it("merges labels added by two agents offline and keeps a removal", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap("labels").set("vip", true);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.getMap("labels").set("refund", true);
    b.getMap("labels").set("damaged", true);
    b.getMap("labels").delete("vip");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readLabels(a.getMap("labels"))).toEqual(["damaged", "refund"]);
    expect(readLabels(b.getMap("labels"))).toEqual(["damaged", "refund"]);
  });

  it("tidies typed labels", () => {
    expect(normalizeLabel("  needs   follow up ")).toBe("needs follow up");
  });
});

describe("notesInOrder", () => {
  it("orders by time, ties by id", () => {
    const note = (id: string, createdAt: number) => ({ id, conversationId: "c1", authorId: "u1", authorName: "Ana", text: id, createdAt });
    expect(notesInOrder([note("b", 2), note("c", 1), note("a", 2)]).map((n) => n.id)).toEqual(["c", "a", "b"]);
  });
});
