import { describe, expect, it } from "vitest";
import { cachesToDelete, databasesToDelete, storageKeysToDelete } from "./wipe-plan.ts";

describe("what sign-out removes", () => {
  const dbs = ["inbox-u1", "inbox-u1-work.c1", "inbox-u1-work.c2", "inbox-u12", "inbox-u2-work.c1", "other-app"];

  it("removes the user's database and work documents, not another user's whose id starts the same", () => {
    expect(databasesToDelete(dbs, "u1")).toEqual(["inbox-u1", "inbox-u1-work.c1", "inbox-u1-work.c2"]);
  });

  it("can remove every user's data of this app and nothing else", () => {
    expect(databasesToDelete(dbs, null)).toEqual(dbs.slice(0, 5));
  });

  it("keeps the app shell precache but drops cached API responses", () => {
    expect(cachesToDelete(["workbox-precache-v2-http://x/", "api-responses", "images"])).toEqual(["api-responses", "images"]);
  });

  it("removes only the app's localStorage items", () => {
    expect(storageKeysToDelete(["inbox.me", "inbox.owner", "theme", "other.inbox.me"])).toEqual(["inbox.me", "inbox.owner"]);
  });
});
