import { describe, expect, it } from "vitest";
import { composerFormatKey, composerKeyAction } from "./composer-keys.ts";

const key = (over: Partial<Parameters<typeof composerKeyAction>[0]>) =>
  composerKeyAction({ key: "Enter", shiftKey: false, isComposing: false, ...over });

describe("composerKeyAction", () => {
  it("sends on Enter", () => {
    expect(key({})).toBe("send");
  });

  it("makes a new line on Shift+Enter and while an IME is composing", () => {
    expect(key({ shiftKey: true })).toBe("default");
    expect(key({ isComposing: true })).toBe("default");
  });

  it("ignores other keys", () => {
    expect(key({ key: "a" })).toBe("default");
  });
});

describe("composerFormatKey", () => {
  it("Ctrl+B and Cmd+I format the selection", () => {
    expect(composerFormatKey({ key: "b", ctrlKey: true })).toBe("bold");
    expect(composerFormatKey({ key: "I", metaKey: true })).toBe("italic");
  });

  it("leaves plain letters and other combinations alone", () => {
    expect(composerFormatKey({ key: "b" })).toBeNull();
    expect(composerFormatKey({ key: "b", ctrlKey: true, shiftKey: true })).toBeNull();
    expect(composerFormatKey({ key: "k", ctrlKey: true })).toBeNull();
  });
});
