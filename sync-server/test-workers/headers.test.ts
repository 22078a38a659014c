import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "./edge-env.ts";

// The PWA's static files on Workers come through the Worker (run_worker_first), so they carry
// the same security headers as the app's own responses and as on Node.

async function headersOf(path: string): Promise<Headers> {
  const res = await SELF.fetch(`${ORIGIN}${path}`);
  await res.arrayBuffer();
  return res.headers;
}

describe("security headers on Workers", () => {
  it("the PWA's pages and files get the app's CSP, framing and sniffing rules", async () => {
    for (const path of ["/", "/index.html", "/inbox/some-conversation"]) {
      const headers = await headersOf(path);
      expect(headers.get("content-type")).toMatch(/text\/html/);
      expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(headers.get("strict-transport-security")).toMatch(/max-age=/);
    }
  });

  it("app paths the app does not know are its 404, not the PWA", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    await res.arrayBuffer();
  });
});
