import { describe, expect, it } from "vitest";
import {
  addPending,
  chosenReplies,
  isConfirmed,
  markFailed,
  markSending,
  mergeServerMessage,
  mergeServerMessages,
  pendingItem,
  type ChatItem,
} from "./messages.ts";
import { msg } from "./testing/fakes.ts";

const texts = (items: ChatItem[]) => items.map((i) => (i.content.kind === "text" ? i.content.text : i.content.kind));

describe("timeline merging", () => {
  it("shows a message once when it arrives from both the POST response and the socket", () => {
    let items = addPending([], pendingItem("client-0001", "Where is my order?", 5_000));
    expect(items).toHaveLength(1);
    expect(items[0]!.state).toBe("sending");

    const server = msg({ id: "srv1", clientId: "client-0001", from: "customer", text: "Where is my order?" });
    items = mergeServerMessage(items, server); // via socket first
    items = mergeServerMessage(items, server); // then the POST response
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: "srv1", state: "sent", key: "c:client-0001" });
  });

  it("keeps the optimistic bubble's identity when the server copy replaces it", () => {
    const pending = pendingItem("client-0002", "hi", 1);
    const items = mergeServerMessage([pending], msg({ clientId: "client-0002", from: "customer", text: "hi" }));
    expect(items[0]!.key).toBe(pending.key);
  });

  it("orders by the server's arrival order, with still-sending messages last", () => {
    let items = addPending([], pendingItem("client-late", "still sending", 999_999));
    items = mergeServerMessages(items, [msg({ id: "b", position: 2, text: "second" }), msg({ id: "a", position: 1, text: "first" })]);
    expect(texts(items)).toEqual(["first", "second", "still sending"]);
  });

  it("keeps messages written in the same second (or millisecond) in the order they arrived", () => {
    // Ids are random: the order must not come from them.
    const parts = [3, 1, 6, 2, 5, 4].map((n) => msg({ id: `m-${"zyxwvu"[n - 1]}`, createdAt: 7_000, position: n, text: `parte ${n}` }));
    const items = mergeServerMessages([], parts);
    expect(texts(items)).toEqual(["parte 1", "parte 2", "parte 3", "parte 4", "parte 5", "parte 6"]);
  });

  it("dedups a history refetch against what the socket already delivered", () => {
    const a = msg({ text: "a" });
    const b = msg({ text: "b" });
    let items = mergeServerMessage([], a);
    const before = items;
    items = mergeServerMessages(items, [a]);
    expect(items).toBe(before); // nothing changed: no re-render
    items = mergeServerMessages(items, [a, b]);
    expect(texts(items)).toEqual(["a", "b"]);
  });

  it("never moves a delivery status backwards when an older copy arrives late", () => {
    const read = msg({ id: "x", status: "read" });
    const items = mergeServerMessages([], [read, { ...read, status: "sent" }]);
    expect(items[0]!.status).toBe("read");
  });

  it("marks a rejected message failed with the reason, and back to sending on retry", () => {
    let items = addPending([], pendingItem("client-0003", "x", 1));
    items = markFailed(items, "client-0003", "That message is too long.");
    expect(items[0]).toMatchObject({ state: "failed", error: "That message is too long." });
    items = markSending(items, "client-0003");
    expect(items[0]).toMatchObject({ state: "sending", error: null });
    expect(isConfirmed(items, "client-0003")).toBe(false);
  });

  it("does not add the same pending message twice", () => {
    const p = pendingItem("client-0004", "x", 1);
    expect(addPending(addPending([], p), p)).toHaveLength(1);
  });
});

describe("answered choices", () => {
  const offer = msg({ id: "q1", from: "bot", content: { kind: "buttons", text: "Track or return?", buttons: [{ id: "track", title: "Track order" }, { id: "return", title: "Return" }] } });

  it("marks the choice the customer tapped (sent as its title), including while it is still sending", () => {
    let items = mergeServerMessages([], [offer]);
    expect(chosenReplies(items).size).toBe(0);
    items = addPending(items, pendingItem("client-0009", "Track order", 9_999));
    expect(chosenReplies(items).get(items[0]!.key)).toBe("track");
  });

  it("marks the tapped choice by its id when two choices share a title", () => {
    const twins = msg({ id: "q2", from: "bot", content: { kind: "buttons", text: "Which order?", buttons: [{ id: "o1", title: "Shoes" }, { id: "o2", title: "Shoes" }] } });
    const items = addPending(mergeServerMessages([], [twins]), pendingItem("client-0010", "Shoes", 9_999, "o2"));
    expect(items.find((i) => i.clientId === "client-0010")?.content).toEqual({ kind: "text", text: "Shoes", replyTo: { choiceId: "o2" } });
    expect(chosenReplies(items).get(items[0]!.key)).toBe("o2");
  });

  it("leaves the offer open when the customer wrote something else", () => {
    const items = mergeServerMessages([], [offer, msg({ from: "customer", text: "Where is it?" })]);
    expect(chosenReplies(items).size).toBe(0);
  });
});
