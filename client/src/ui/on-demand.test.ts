import { describe, expect, it } from "vitest";
import { onDemand } from "./on-demand.ts";

describe("onDemand", () => {
  it("fetches a part once however often it is asked for, and says when it is there", async () => {
    let fetches = 0;
    const part = onDemand(async () => {
      fetches++;
      return { name: "chat" };
    });
    expect(part.ready()).toBeUndefined();
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).toBe(b);
    expect(await part.load()).toBe(a);
    expect(fetches).toBe(1);
    expect(part.ready()).toBe(a);
  });

  it("asks again after a failed fetch (e.g. the network dropped before the worker took charge)", async () => {
    let fetches = 0;
    const part = onDemand(async () => {
      fetches++;
      if (fetches === 1) throw new Error("Failed to fetch dynamically imported module");
      return { name: "panel" };
    });
    await expect(part.load()).rejects.toThrow("Failed to fetch");
    expect(part.ready()).toBeUndefined();
    expect(await part.load()).toEqual({ name: "panel" });
    expect(fetches).toBe(2);
    expect(part.ready()).toEqual({ name: "panel" });
  });
});
