import { describe, expect, it } from "vitest";
import { isTypingTarget, neighbour, shortcutFor, type KeyLike } from "./keymap.ts";

const press = (key: string, over: Partial<KeyLike> = {}): KeyLike => ({ key, altKey: false, ctrlKey: false, metaKey: false, target: null, ...over });
/** Just enough of an element for the rule (no DOM in unit tests). */
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName: tagName.toUpperCase(), isContentEditable: false, ...extra }) as unknown as EventTarget;

describe("keyboard shortcuts", () => {
  it("map the common actions to single keys", () => {
    expect(["r", "n", "e", "s", "a", "p", "?"].map((k) => shortcutFor(press(k)))).toEqual([
      "reply",
      "note",
      "resolve",
      "snooze",
      "assignToMe",
      "priority",
      "help",
    ]);
    expect(shortcutFor(press("ArrowDown", { altKey: true }))).toBe("next");
    expect(shortcutFor(press("ArrowUp", { altKey: true }))).toBe("previous");
    expect(shortcutFor(press("x"))).toBeNull();
  });

  it("never fire while the agent types in a field", () => {
    for (const target of [el("input"), el("input", { type: "search" }), el("textarea"), el("select"), el("div", { isContentEditable: true })]) {
      expect(shortcutFor(press("e", { target }))).toBeNull();
      expect(shortcutFor(press("ArrowDown", { altKey: true, target }))).toBeNull();
    }
  });

  it("do fire from buttons and the page, but not with Ctrl/Cmd or when something handled the key", () => {
    expect(shortcutFor(press("e", { target: el("button") }))).toBe("resolve");
    expect(shortcutFor(press("e", { target: el("input", { type: "checkbox" }) }))).toBe("resolve");
    expect(shortcutFor(press("r", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("s", { metaKey: true }))).toBeNull();
    expect(shortcutFor(press("s", { defaultPrevented: true }))).toBeNull();
    expect(shortcutFor(press("s", { isComposing: true }))).toBeNull();
  });

  it("know a typing target when they see one", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(el("a"))).toBe(false);
    expect(isTypingTarget(el("input", { type: "email" }))).toBe(true);
  });
});

describe("next and previous conversation", () => {
  const order = ["a", "b", "c"];
  it("move through the list's visible order and stop at its ends", () => {
    expect(neighbour(order, "a", 1)).toBe("b");
    expect(neighbour(order, "b", -1)).toBe("a");
    expect(neighbour(order, "c", 1)).toBeNull();
    expect(neighbour(order, "a", -1)).toBeNull();
  });
  it("start at an end when nothing (or a conversation no longer listed) is open", () => {
    expect(neighbour(order, null, 1)).toBe("a");
    expect(neighbour(order, "gone", -1)).toBe("c");
    expect(neighbour([], null, 1)).toBeNull();
  });
});
