import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

describe("the password policy", () => {
  it("refuses common passwords, also with digits or symbols stuck on, or a short piece repeated", () => {
    for (const p of ["qwerty123456", "1qaz2wsx3edc", "Password1234", "baseball2024!", "!!sunshine!!", "abcabcabcabc", "aaaaaaaaaaaa"]) {
      expect(passwordProblem(p)?.reason, p).toBe("password_common");
    }
    expect(passwordProblem("baseball2024!")?.message).toBe("This password is too common: it is among the passwords attackers try first. Choose another.");
  });

  it("refuses the person's own email name or name", () => {
    expect(passwordProblem("ana.souza-2024!", { email: "ana.souza@example.com" })?.reason).toBe("password_personal");
    expect(passwordProblem("I am Nina Souza!", { name: "Nina Souza" })?.message).toBe("Don't use your name or email address in your password. Choose another.");
  });

  it("lets through passwords that are merely long and uncommon", () => {
    for (const p of ["a long enough password", "test-password-1", "other-workspace-pass-1", "violet tram at 6 o'clock"]) expect(passwordProblem(p, { email: "nina@example.com", name: "Nina" }), p).toBeNull();
  });
});
