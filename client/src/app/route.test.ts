import { describe, expect, it } from "vitest";
import { parseRoute, routeHref } from "./route.ts";

describe("routes", () => {
  it("reads the inbox and the admin settings from the address", () => {
    expect(parseRoute("/", "")).toEqual({ screen: "inbox" });
    expect(parseRoute("/anything-else", "")).toEqual({ screen: "inbox" });
    expect(parseRoute("/settings", "")).toEqual({ screen: "settings", reconnect: null });
    expect(parseRoute("/settings/", "?reconnect=abc_123")).toEqual({ screen: "settings", reconnect: "abc_123" });
  });

  it("recognises an attachment opened in its own tab", () => {
    expect(parseRoute("/media/0f3c9a1b-2c.jpg", "")).toEqual({ screen: "media", path: "/media/0f3c9a1b-2c.jpg" });
    expect(parseRoute("/media/../settings", "")).toEqual({ screen: "inbox" });
    expect(routeHref({ screen: "media", path: "/media/a.png" })).toBe("/media/a.png");
  });

  it("reads and writes the profile page", () => {
    expect(parseRoute("/profile/", "")).toEqual({ screen: "profile" });
    expect(routeHref({ screen: "profile" })).toBe("/profile");
  });

  it("reads and writes the reports page", () => {
    expect(parseRoute("/reports/", "")).toEqual({ screen: "reports" });
    expect(routeHref({ screen: "reports" })).toBe("/reports");
  });

  it("ignores a reconnect id that is not an id", () => {
    expect(parseRoute("/settings", "?reconnect=%3Cscript%3E")).toEqual({ screen: "settings", reconnect: null });
  });

  it("writes the address back", () => {
    expect(routeHref({ screen: "inbox" })).toBe("/");
    expect(routeHref({ screen: "settings", reconnect: null })).toBe("/settings");
    expect(routeHref({ screen: "settings", reconnect: "i1" })).toBe("/settings?reconnect=i1");
  });
});
