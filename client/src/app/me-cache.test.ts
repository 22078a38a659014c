import type { MeResponse } from "@inbox/shared";
import { describe, expect, it } from "vitest";
import { forgetCachedMe, readCachedMe, readOwner, sessionAfterMeFailure, writeCachedMe } from "./me-cache.ts";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const me: MeResponse = {
  user: {
    id: "u1",
    workspaceId: "w1",
    email: "ana@demo.inbox",
    name: "Ana Souza",
    role: "agent",
    teamIds: ["t1"],
    maxConcurrentChats: 5,
    availability: "available",
    locale: "en",
  },
  workspace: { id: "w1", name: "Demo", createdAt: 1 },
  teams: [{ id: "t1", workspaceId: "w1", name: "Support" }],
};

describe("remembered user", () => {
  it("is read back after a restart, so an offline start goes straight to the inbox", () => {
    const storage = memoryStorage();
    writeCachedMe(storage, me);
    expect(readCachedMe(storage)?.user.name).toBe("Ana Souza");
    expect(readOwner(storage)).toBe("u1");
  });

  it("is forgotten on 401 while the owner of the local data is kept (same user signing in again resumes)", () => {
    const storage = memoryStorage();
    writeCachedMe(storage, me);
    forgetCachedMe(storage);
    expect(readCachedMe(storage)).toBeNull();
    expect(readOwner(storage)).toBe("u1");
  });

  it("ignores junk", () => {
    const storage = memoryStorage();
    storage.setItem("inbox.me", "{not json");
    expect(readCachedMe(storage)).toBeNull();
    storage.setItem("inbox.me", JSON.stringify({ user: { id: 1 } }));
    expect(readCachedMe(storage)).toBeNull();
  });
});

describe("sessionAfterMeFailure", () => {
  const network = { code: "network", status: 0 };
  const expired = { code: "unauthenticated", status: 401 };

  it("keeps a remembered user working offline or while the server is down", () => {
    expect(sessionAfterMeFailure(true, network)).toBe("keep");
    expect(sessionAfterMeFailure(true, { code: "internal", status: 503 })).toBe("keep");
  });

  it("signs out on 401 even when remembered", () => {
    expect(sessionAfterMeFailure(true, expired)).toBe("signedOut");
    expect(sessionAfterMeFailure(false, expired)).toBe("signedOut");
  });

  it("without a remembered user, says the server can't be reached", () => {
    expect(sessionAfterMeFailure(false, network)).toBe("unreachable");
  });
});
