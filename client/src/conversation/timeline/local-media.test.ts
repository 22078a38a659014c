import { describe, expect, it } from "vitest";
import { findKept, keepForUpload, type KeptStore } from "../../sync/kept-uploads.ts";
import { resolveMediaUrl, type ObjectUrls } from "./local-media.ts";

// A reply's image waiting in the outbox shows the file kept on the device; the object URL made
// for it is freed once the bubble lets go of it.

const base = "https://inbox.example/inbox";

function kv(): KeptStore {
  const map = new Map<string, unknown>();
  return { get: async (k) => map.get(k), put: async (k, v) => void map.set(k, v) };
}

function objectUrls() {
  const live = new Set<string>();
  let n = 0;
  const urls: ObjectUrls = {
    create: () => {
      const url = `blob:${base}/${++n}`;
      live.add(url);
      return url;
    },
    revoke: (url) => void live.delete(url),
  };
  return { urls, live };
}

describe("media urls of waiting attachments", () => {
  it("a kept file becomes an object URL, revoked once when released", async () => {
    const store = kv();
    const { urls, live } = objectUrls();
    const url = await keepForUpload(store, "f1", new Blob(["png"], { type: "image/png" }), "a.png", "conv-1");
    const resolved = await resolveMediaUrl(url, base, (u) => findKept(store, u), urls);
    expect(resolved.url).toMatch(/^blob:/);
    expect(live.has(resolved.url!)).toBe(true);
    resolved.release();
    resolved.release();
    expect(live.size).toBe(0);
  });

  it("once uploaded, the server's url is shown (no object URL)", async () => {
    const store = kv();
    const { urls, live } = objectUrls();
    await store.put("composer.upload.f2", { conversationId: "conv-1", filename: "a.png", url: "/media/abc.png" });
    const resolved = await resolveMediaUrl("local-upload:f2", base, (u) => findKept(store, u), urls);
    expect(resolved.url).toBe("/media/abc.png");
    expect(live.size).toBe(0);
  });

  it("a file gone from the device, or no device store, shows nothing", async () => {
    const { urls } = objectUrls();
    expect((await resolveMediaUrl("local-upload:gone", base, (u) => findKept(kv(), u), urls)).url).toBeNull();
    expect((await resolveMediaUrl("local-upload:x", base, null, urls)).url).toBeNull();
    expect((await resolveMediaUrl("local-upload:x", base, () => Promise.reject(new Error("closed")), urls)).url).toBeNull();
  });

  it("ordinary urls still pass the safety check", async () => {
    const { urls } = objectUrls();
    expect((await resolveMediaUrl("https://cdn.example/p.png", base, null, urls)).url).toBe("https://cdn.example/p.png");
    expect((await resolveMediaUrl("javascript:alert(1)", base, null, urls)).url).toBeNull();
    expect((await resolveMediaUrl("/media/k.png", base, null, urls)).url).toBe("/media/k.png");
  });
});
