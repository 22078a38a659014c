import { describe, expect, it } from "vitest";
import { mapUrl, safeUrl } from "./safe-url.ts";

const base = "https://inbox.example.com/";

describe("safeUrl", () => {
  it("allows web URLs and keeps same-origin ones as paths", () => {
    expect(safeUrl("https://cdn.example.org/a.jpg", base)).toBe("https://cdn.example.org/a.jpg");
    expect(safeUrl("/api/media/123", base)).toBe("/api/media/123");
    expect(safeUrl("https://inbox.example.com/api/media/1?x=1", base)).toBe("/api/media/1?x=1");
  });

  it("keeps the server's own attachments (/media/<key>) as same-origin paths, so the session cookie goes with them", () => {
    expect(safeUrl("/media/0f3c9a1b2c.jpg", base)).toBe("/media/0f3c9a1b2c.jpg");
    expect(safeUrl("/media/0f3c9a1b2c", "https://inbox.example.com/settings?reconnect=1")).toBe("/media/0f3c9a1b2c");
    expect(safeUrl("//evil.example.net/media/x", base)).toBe("https://evil.example.net/media/x");
  });

  it("refuses script and data URLs, however they are disguised", () => {
    expect(safeUrl("javascript:alert(1)", base)).toBeNull();
    expect(safeUrl(" JavaScript:alert(1)", base)).toBeNull();
    expect(safeUrl("java\nscript:alert(1)", base)).toBeNull();
    expect(safeUrl("data:text/html,<script>alert(1)</script>", base)).toBeNull();
    expect(safeUrl("vbscript:msgbox", base)).toBeNull();
    expect(safeUrl("", base)).toBeNull();
  });
});

describe("mapUrl", () => {
  it("builds a map link from the coordinates only", () => {
    expect(mapUrl(-23.55052, -46.633308)).toBe(
      "https://www.openstreetmap.org/?mlat=-23.550520&mlon=-46.633308#map=16/-23.550520/-46.633308",
    );
  });
});
