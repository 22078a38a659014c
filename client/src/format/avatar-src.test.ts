import { describe, expect, it } from "vitest";
import { contactAvatarSrc } from "./avatar-src.ts";

describe("contactAvatarSrc", () => {
  it("shows only https pictures", () => {
    expect(contactAvatarSrc({ avatarUrl: "https://profile.line-scdn.net/abc" })).toBe("https://profile.line-scdn.net/abc");
    expect(contactAvatarSrc({ avatarUrl: "http://thirdwx.qlogo.cn/mmopen/x/132" })).toBeNull();
    expect(contactAvatarSrc({ avatarUrl: "javascript:alert(1)" })).toBeNull();
    expect(contactAvatarSrc({ avatarUrl: null })).toBeNull();
    expect(contactAvatarSrc(null)).toBeNull();
  });
});
