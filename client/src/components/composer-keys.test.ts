import { describe, expect, it } from "vitest";
import { composerKeyAction } from "./composer-keys.ts";

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
