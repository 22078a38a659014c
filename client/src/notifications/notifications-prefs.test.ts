import { describe, expect, it } from "vitest";
import { DEFAULT_PREFS, badgedTitle, loadPrefs, savePrefs } from "./notifications-prefs.ts";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe("notification preferences", () => {
  it("are kept per user, and default to sound and badge on, desktop off until asked", () => {
    const storage = memoryStorage();
    expect(loadPrefs(storage, "ana")).toEqual(DEFAULT_PREFS);
    savePrefs(storage, "ana", { desktop: true, sound: false, badge: true });
    expect(loadPrefs(storage, "ana")).toEqual({ desktop: true, sound: false, badge: true });
    expect(loadPrefs(storage, "sam")).toEqual(DEFAULT_PREFS);
  });

  it("fall back to the defaults when what is stored is unreadable", () => {
    const storage = memoryStorage();
    storage.setItem("inbox-notification-prefs:ana", "{not json");
    expect(loadPrefs(storage, "ana")).toEqual(DEFAULT_PREFS);
  });
});

describe("the title badge", () => {
  it("puts the count first and caps it", () => {
    expect(badgedTitle("Inbox", 0)).toBe("Inbox");
    expect(badgedTitle("Inbox", 3)).toBe("(3) Inbox");
    expect(badgedTitle("Inbox", 250)).toBe("(99+) Inbox");
  });
});
