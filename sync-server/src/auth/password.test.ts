import { describe, expect, it } from "vitest";
import { nodeScrypt } from "../node/node-scrypt.ts";
import { nobleScrypt } from "./noble-scrypt.ts";
import { OWASP_SCRYPT, PasswordHasher } from "./password.ts";

const cheap = { ln: 10, r: 8, p: 1 };
const node = new PasswordHasher(nodeScrypt, cheap);

/** What the old hasher stored: PBKDF2-SHA256 with 100,000 iterations (Workers' WebCrypto cap). */
async function legacyPbkdf2(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 100_000 }, key, 256));
  const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `pbkdf2-sha256$100000$${hex(salt)}$${hex(bits)}`;
}

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await node.hash("correct horse");
    expect(await node.verify("correct horse", stored)).toEqual({ ok: true, rehash: false });
    expect((await node.verify("correct hors", stored)).ok).toBe(false);
  });

  it("salts every hash, so equal passwords do not look equal", async () => {
    expect(await node.hash("same")).not.toBe(await node.hash("same"));
  });

  it("refuses stored values it does not understand, and an unknown user's empty hash", async () => {
    expect((await node.verify("x", "plain:x")).ok).toBe(false);
    expect((await node.verify("x", null)).ok).toBe(false);
  });

  it("stores OWASP's scrypt setting by default, N=2^14 r=8 p=5, and Node's native scrypt agrees with the pure-JS one Workers use", async () => {
    const onNode = new PasswordHasher(nodeScrypt);
    const onWorkers = new PasswordHasher(nobleScrypt);
    expect(onNode.params).toEqual(OWASP_SCRYPT);
    const stored = await onNode.hash("correct horse battery");
    expect(stored).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    // A workspace created on Node (db:create-workspace) signs in on Workers, and back.
    expect(await onWorkers.verify("correct horse battery", stored)).toEqual({ ok: true, rehash: false });
    expect((await onWorkers.verify("wrong horse battery", stored)).ok).toBe(false);
  });

  it("asks for a rehash when the stored hash is weaker than the current setting: old PBKDF2 ones and cheaper scrypt", async () => {
    const current = new PasswordHasher(nodeScrypt, { ln: 11, r: 8, p: 1 });
    const pbkdf2 = await legacyPbkdf2("old password");
    expect(await current.verify("old password", pbkdf2)).toEqual({ ok: true, rehash: true });
    expect(await current.verify("not it", pbkdf2)).toEqual({ ok: false, rehash: false });
    expect(await current.verify("correct horse", await node.hash("correct horse"))).toEqual({ ok: true, rehash: true });
    expect(await node.verify("correct horse", await current.hash("correct horse"))).toEqual({ ok: true, rehash: false });
  });

  it("refuses a tampered cost that would make one sign-in allocate gigabytes", async () => {
    const stored = (await node.hash("pw")).replace("ln=10", "ln=30");
    expect((await node.verify("pw", stored)).ok).toBe(false);
  });
});
