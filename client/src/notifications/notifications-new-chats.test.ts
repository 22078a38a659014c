import { describe, expect, it } from "vitest";
import { NewChatTracker } from "./notifications-new-chats.ts";

const me = "me";
const chat = (id: string, over: { status?: "open" | "resolved"; assigneeId?: string | null; offeredTo?: string | null } = {}) => ({
  id,
  status: over.status ?? "open",
  assigneeId: over.assigneeId ?? null,
  offeredTo: over.offeredTo ?? null,
});

describe("which chats ring as new", () => {
  it("nothing rings before or at the baseline (sign-in), only what changes after", () => {
    const tracker = new NewChatTracker(me);
    expect(tracker.update([chat("a")]).arrived).toEqual([]);
    tracker.baseline([chat("a"), chat("b", { assigneeId: me })]);
    expect(tracker.update([chat("a"), chat("b", { assigneeId: me }), chat("c")]).arrived).toEqual(["c"]);
  });

  it("a chat assigned or offered to me rings; one a colleague takes or that is resolved stops counting", () => {
    const tracker = new NewChatTracker(me);
    tracker.baseline([chat("a"), chat("b"), chat("c", { assigneeId: "bruno" })]);
    const next = tracker.update([chat("a", { offeredTo: me }), chat("b", { assigneeId: "bruno" }), chat("c", { assigneeId: me })]);
    expect(next.arrived.sort()).toEqual(["a", "c"]);
    expect(next.gone).toEqual(["b"]);
    const resolved = tracker.update([chat("a", { offeredTo: me }), chat("c", { assigneeId: me, status: "resolved" })]);
    expect(resolved.gone).toEqual(["c"]);
    expect(resolved.arrived).toEqual([]);
  });

  it("a chat offered to a colleague is neither mine nor waiting; a chat I hand back does not ring", () => {
    const tracker = new NewChatTracker(me);
    tracker.baseline([chat("a", { assigneeId: me })]);
    expect(tracker.update([chat("a"), chat("b", { offeredTo: "ana" })]).arrived).toEqual([]);
  });

  it("a late or repeated copy of a row does not ring twice", () => {
    const tracker = new NewChatTracker(me);
    tracker.baseline([chat("a")]);
    expect(tracker.update([chat("a"), chat("n")]).arrived).toEqual(["n"]);
    // A stale answer without the new chat, then the fresh one again.
    expect(tracker.update([chat("a")]).gone).toEqual(["n"]);
    expect(tracker.update([chat("a"), chat("n")]).arrived).toEqual([]);
  });
});
