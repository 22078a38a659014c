import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { base64ToBytes, bytesToBase64, bytesToBase64url } from "./base64.ts";

// Node's Buffer is the reference: what is stored (sealed credentials, password hashes) and sent
// (mail bodies, tokens) must read the same whichever runtime wrote it.
describe("base64 without node:buffer", () => {
  it("writes what Buffer writes, in both alphabets, and reads it back padded or not", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const standard = Buffer.from(bytes).toString("base64");
        expect(bytesToBase64(bytes)).toBe(standard);
        expect(bytesToBase64url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
        expect(base64ToBytes(standard)).toEqual(bytes);
        expect(base64ToBytes(standard.replace(/=+$/, ""))).toEqual(bytes);
      }),
    );
  });

  it("a mail body larger than one slice comes out whole", () => {
    const body = new TextEncoder().encode("Olá, a sua conversa foi resolvida. ".repeat(4000));
    expect(bytesToBase64(body)).toBe(Buffer.from(body).toString("base64"));
  });

  it("refuses text that is not base64", () => {
    expect(() => base64ToBytes("not base64!")).toThrow();
  });
});
