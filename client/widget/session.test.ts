import { describe, expect, it } from "vitest";
import { createSessionStore, memoryStorage, storageKey, type StorageLike } from "./session.ts";

describe("session store", () => {
  it("survives a reload: a new store over the same storage finds the token and visitor", () => {
    const storage = memoryStorage();
    createSessionStore(storage, "inbox_1").save({ token: "tok", visitorId: "v1" });
    const reloaded = createSessionStore(storage, "inbox_1").load();
    expect(reloaded).toMatchObject({ token: "tok", visitorId: "v1", outbox: [] });
  });

  it("keeps one conversation per inbox on the same site", () => {
    const storage = memoryStorage();
    createSessionStore(storage, "sales").save({ token: "a", visitorId: "va" });
    createSessionStore(storage, "support").save({ token: "b", visitorId: "vb" });
    expect(createSessionStore(storage, "sales").load()?.token).toBe("a");
    expect(createSessionStore(storage, "support").load()?.token).toBe("b");
    expect(storage.getItem(storageKey("sales"))).toContain('"a"');
  });

  it("remembers unsent messages so they are resent after a reload", () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, "i");
    store.save({ token: "t", visitorId: "v" });
    store.setOutbox([{ clientId: "abcdefgh-1", text: "hello", createdAt: 1 }]);
    expect(createSessionStore(storage, "i").load()?.outbox).toEqual([
      { clientId: "abcdefgh-1", text: "hello", createdAt: 1 },
    ]);
  });

  it("starts fresh on corrupted or foreign data instead of crashing", () => {
    const storage = memoryStorage();
    storage.setItem(storageKey("i"), "{not json");
    expect(createSessionStore(storage, "i").load()).toBeNull();
    storage.setItem(storageKey("i"), JSON.stringify({ token: 5 }));
    expect(createSessionStore(storage, "i").load()).toBeNull();
  });

  it("keeps working in memory when the page forbids storage", () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    const store = createSessionStore(broken, "i");
    expect(store.load()).toBeNull();
    store.save({ token: "t", visitorId: "v" });
    expect(store.load()?.token).toBe("t");
    store.clear();
    expect(store.load()).toBeNull();
  });

  it("forgets the conversation on clear", () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, "i");
    store.save({ token: "t", visitorId: "v" });
    store.clear();
    expect(createSessionStore(storage, "i").load()).toBeNull();
  });
});
