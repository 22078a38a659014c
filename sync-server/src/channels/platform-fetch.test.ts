import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress, platformFetch, PlatformFetchRefused } from "./platform-fetch.ts";

// The guard on every request made for a platform, against a real HTTP server on loopback (the
// operator's trusted origin, as fakes are in tests) and addresses that must never be called.

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/same-host") return res.writeHead(302, { location: "/file" }).end();
    if (req.url === "/other-host") return res.writeHead(302, { location: "http://localhost:1/file" }).end();
    if (req.url === "/big") return res.writeHead(200, { "content-length": "5000" }).end("x".repeat(5000));
    if (req.url === "/stream") {
      // No Content-Length: the size shows only while reading.
      res.writeHead(200, { "transfer-encoding": "chunked" });
      for (let i = 0; i < 5; i++) res.write("y".repeat(1000));
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const guarded = (resolve?: (host: string) => Promise<string[]>) => platformFetch({ fetch, trustedOrigins: [origin], maxBytes: 4096, resolve });

describe("platformFetch", () => {
  it("reaches the operator's configured origin, following a redirect within it", async () => {
    const res = await guarded()(`${origin}/same-host`);
    expect(await res.text()).toBe("ok");
  });

  it("does not follow a redirect to another host", async () => {
    await expect(guarded()(`${origin}/other-host`)).rejects.toThrow(/another host/);
  });

  it("refuses plain http, private and loopback addresses, and names resolving to them", async () => {
    const fetchIt = guarded(async () => ["10.0.0.5"]);
    await expect(fetchIt("http://example.com/x")).rejects.toThrow(PlatformFetchRefused);
    for (const url of ["https://127.0.0.1/", "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://[::ffff:10.1.2.3]/", "https://192.168.1.1/", "https://localhost/", "https://2130706433/"]) {
      await expect(fetchIt(url), url).rejects.toThrow(PlatformFetchRefused);
    }
    await expect(fetchIt("https://intranet.example.com/")).rejects.toThrow(/private or reserved address \(10\.0\.0\.5\)/);
  });

  it("refuses a response over the limit when its length says so, and cuts one off while streaming", async () => {
    await expect(guarded()(`${origin}/big`)).rejects.toThrow(/5000 bytes, more than the 4096/);
    const res = await guarded()(`${origin}/stream`);
    await expect(res.arrayBuffer()).rejects.toThrow(/larger than the 4096 bytes/);
  });

  it("judges addresses as routable or not", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2606:4700:4700::1111")).toBe(true);
    for (const a of ["127.0.0.1", "10.1.1.1", "172.16.0.1", "100.64.0.1", "169.254.1.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1", "not an ip"]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
});
