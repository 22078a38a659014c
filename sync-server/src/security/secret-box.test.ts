import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box.ts";

describe("credentials at rest", () => {
  it("round-trips, and the sealed text does not contain the secret", async () => {
    const box = await createSecretBox(crypto.getRandomValues(new Uint8Array(32)));
    const sealed = await box.seal({ accessToken: "EAAG-very-secret" });
    expect(sealed).not.toContain("EAAG");
    expect(await box.open(sealed)).toEqual({ accessToken: "EAAG-very-secret" });
  });

  it("cannot be opened with another key, or after tampering", async () => {
    const a = await createSecretBox(crypto.getRandomValues(new Uint8Array(32)));
    const b = await createSecretBox(crypto.getRandomValues(new Uint8Array(32)));
    const sealed = await a.seal({ token: "x" });
    await expect(b.open(sealed)).rejects.toThrow();
    const tampered = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(a.open(tampered)).rejects.toThrow();
  });

  it("opens the same sealed text again (every webhook does) to the same value, each caller with its own copy", async () => {
    const box = await createSecretBox(crypto.getRandomValues(new Uint8Array(32)));
    const sealed = await box.seal({ appSecret: "s1" });
    const first = await box.open(sealed);
    first.appSecret = "changed by a caller";
    expect(await box.open(sealed)).toEqual({ appSecret: "s1" });
    // New credentials are a new sealed text: opened as they are, not as the old ones.
    expect(await box.open(await box.seal({ appSecret: "s2" }))).toEqual({ appSecret: "s2" });
    // A text tampered with after the genuine one was opened is still refused.
    await expect(box.open(sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA"))).rejects.toThrow();
  });
});
