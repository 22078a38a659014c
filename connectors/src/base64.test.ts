import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fromBase64, fromBase64url, toBase64, toBase64url } from "./crypto.ts";

// Node's Buffer is the reference: what is stored (sealed credentials, password hashes) and sent
// (mail bodies, tokens) must read the same whichever runtime wrote it.
describe("base64 without node:buffer", () => {
  it("writes what Buffer writes, in both alphabets, and reads it back padded or not", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const standard = Buffer.from(bytes).toString("base64");
        expect(toBase64(bytes)).toBe(standard);
        expect(toBase64url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
        expect(fromBase64(standard)).toEqual(bytes);
        expect(fromBase64(standard.replace(/=+$/, ""))).toEqual(bytes);
        expect(fromBase64url(Buffer.from(bytes).toString("base64url"))).toEqual(bytes);
      }),
    );
  });

  it("a mail body larger than one slice comes out whole", () => {
    const body = new TextEncoder().encode("Olá, a sua conversa foi resolvida. ".repeat(4000));
    expect(toBase64(body)).toBe(Buffer.from(body).toString("base64"));
  });

  it("refuses text that is not base64", () => {
    expect(() => fromBase64("not base64!")).toThrow();
  });
});
