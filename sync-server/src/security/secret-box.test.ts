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
});
