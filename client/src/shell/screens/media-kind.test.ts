import { describe, expect, it } from "vitest";
import { mediaFileName, mediaKind } from "./media-kind.ts";

describe("mediaKind", () => {
  it("tells images, voice notes and videos from other files by the key's extension", () => {
    expect(mediaKind("/media/0f3c.jpg")).toBe("image");
    expect(mediaKind("/media/0f3c.PNG")).toBe("image");
    expect(mediaKind("/media/0f3c.ogg")).toBe("audio");
    expect(mediaKind("/media/0f3c.mp4")).toBe("video");
    expect(mediaKind("/media/0f3c.pdf")).toBe("file");
    expect(mediaKind("/media/0f3c.bin")).toBe("file");
    expect(mediaKind("/media/0f3c")).toBe("file");
  });

  it("names a download after the key", () => {
    expect(mediaFileName("/media/0f3c.pdf")).toBe("0f3c.pdf");
  });
});
