import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { LoginResponseSchema, MeResponseSchema, SignInResponseSchema } from "@inbox/shared";
import { RecoveryCodesResponseSchema, TwoFactorSetupResponseSchema } from "@inbox/shared/api/account";
import { agentSocket, DEMO_PASSWORD, startTestServer, type TestServer } from "../testing/test-server.ts";

// Two-factor sign-in with an authenticator app: enrolment, the two sign-in steps, recovery codes
// (each used once), wrong codes throttled, and the workspace's requirement holding people at enrolment.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
afterEach(() => {
  server.clock.frozenAt = undefined;
});

const now = () => server.core.now();
/** The code the person's authenticator app shows at the server's time (`stepsLater` moves on). */
const codeOf = (secret: string, stepsLater = 0) => new TOTP({ secret: Secret.fromBase32(secret.replace(/ /g, "")) }).generate({ timestamp: now() + stepsLater * 30_000 });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

/** Turns two-factor sign-in on for the session's user; answers the text key and the recovery codes. */
async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = TwoFactorSetupResponseSchema.parse(await (await server.api("/api/me/two-factor/setup", { method: "POST", token })).json());
  expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
  expect(atob(setup.qrCode.split(",")[1]!)).toMatch(/^<svg/);
  const res = await server.api("/api/me/two-factor/enable", { method: "POST", token, json: { setupToken: setup.setupToken, code: codeOf(setup.secret) } });
  expect(res.status).toBe(200);
  return { secret: setup.secret, recoveryCodes: RecoveryCodesResponseSchema.parse(await res.json()).recoveryCodes };
}

async function passwordStep(email: string): Promise<string> {
  const res = await server.api("/api/auth/login", { method: "POST", json: { email, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  expect(res.headers.get("set-cookie")).toBeNull();
  const body = SignInResponseSchema.parse(await res.json());
  if (!("twoFactor" in body)) throw new Error("expected a challenge");
  return body.challenge;
}

const codeStep = (challenge: string, code: string) => server.api("/api/auth/login/2fa", { method: "POST", json: { challenge, code } });

describe("two-factor sign-in", () => {
  it("after enrolment, the password answers a challenge and the app's code opens the session; a code is spent once", async () => {
    const { secret, recoveryCodes } = await enrol(await server.login("supervisor@demo.inbox"));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const row = await server.core.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "supervisor@demo.inbox") });
    // Only sealed and hashed forms are stored.
    expect(row!.totpSecretEnc).toMatch(/^v1\./);
    expect(row!.totpSecretEnc).not.toContain(secret.replace(/ /g, ""));
    expect(row!.recoveryCodeHashes.join()).not.toContain(recoveryCodes[0]!.replace("-", ""));

    server.clock.frozenAt = now() + 30_000;
    const challenge = await passwordStep("supervisor@demo.inbox");
    const wrong = await codeStep(challenge, "000000" === codeOf(secret) ? "111111" : "000000");
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toMatchObject({ code: "invalid_credentials", message: "That code is not right. Check the code in your authenticator app and try again." });
    const code = codeOf(secret);
    const ok = await codeStep(challenge, code);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/inbox_session=/);
    const { token } = LoginResponseSchema.parse(await ok.json());
    const me = MeResponseSchema.parse(await (await server.api("/api/me", { token })).json());
    expect(me.account).toMatchObject({ twoFactorEnabled: true, mustEnrolTwoFactor: false });

    // The same code on a new attempt is refused (seen over a shoulder, it is already spent).
    const replay = await codeStep(await passwordStep("supervisor@demo.inbox"), code);
    expect(replay.status).toBe(401);
    // A used challenge opens nothing again.
    expect((await errorOf(await codeStep(challenge, codeOf(secret, 1)))).fields).toEqual({ reason: "challenge_gone" });
  });

  it("a recovery code signs in once; the profile counts what is left", async () => {
    const { recoveryCodes } = await enrol(await server.login("bruno@demo.inbox"));
    const code = recoveryCodes[3]!.toUpperCase();
    const ok = await codeStep(await passwordStep("bruno@demo.inbox"), code);
    expect(ok.status).toBe(200);
    const { token } = LoginResponseSchema.parse(await ok.json());
    const again = await codeStep(await passwordStep("bruno@demo.inbox"), code);
    expect(again.status).toBe(401);
    const profile = (await (await server.api("/api/me/profile", { token })).json()) as { profile: { recoveryCodesLeft: number } };
    expect(profile.profile.recoveryCodesLeft).toBe(9);
    const audit = await server.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "auth.signed_in") });
    expect(audit.at(-1)!.data).toMatchObject({ secondFactor: "recovery", recoveryCodesLeft: 9 });
  });

  it("wrong codes: five end the challenge, and the account then backs off whatever the challenge", async () => {
    const { secret } = await enrol(await server.login("admin@demo.inbox"));
    server.clock.frozenAt = now() + 60_000;
    const wrongCode = String((Number(codeOf(secret)) + 500_000) % 1_000_000).padStart(6, "0");
    const challenge = await passwordStep("admin@demo.inbox");
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await errorOf(await codeStep(challenge, wrongCode))).fields?.["reason"] ?? "");
    expect(answers).toEqual(["wrong_code", "wrong_code", "wrong_code", "wrong_code", "challenge_gone"]);
    expect((await codeStep(challenge, codeOf(secret))).status).toBe(401);

    // The sixth wrong code of the account (a new challenge) locks its second step for a second.
    const next = await passwordStep("admin@demo.inbox");
    expect((await codeStep(next, wrongCode)).status).toBe(401);
    const locked = await codeStep(next, codeOf(secret));
    expect(locked.status).toBe(429);
    expect((await errorOf(locked)).message).toBe("Too many failed sign-ins for this account. Try again in 1 second.");
    server.clock.frozenAt! += 1000;
    expect((await codeStep(next, codeOf(secret))).status).toBe(200);
    const failures = await server.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "auth.two_factor_failed") });
    expect(failures.length).toBeGreaterThanOrEqual(6);
  });
});

describe("the workspace's requirement", () => {
  it("holds people without a second factor at enrolment: other calls and rooms answer two_factor_required until they enrol", async () => {
    // A fresh server: the admin enrols, then requires two-factor sign-in of everyone.
    const s = await startTestServer();
    try {
      const api = (path: string, token: string, init: { method?: string; json?: unknown } = {}) => s.api(path, { ...init, token });
      const admin = await s.login("admin@demo.inbox");
      const refused = await api("/api/admin/security", admin, { method: "PUT", json: { require2fa: "everyone", sessionHours: null } });
      expect(refused.status).toBe(409);
      expect((await errorOf(refused)).fields).toEqual({ reason: "enrol_first" });

      const setup = TwoFactorSetupResponseSchema.parse(await (await api("/api/me/two-factor/setup", admin, { method: "POST" })).json());
      const code = new TOTP({ secret: Secret.fromBase32(setup.secret.replace(/ /g, "")) }).generate({ timestamp: s.core.now() });
      expect((await api("/api/me/two-factor/enable", admin, { method: "POST", json: { setupToken: setup.setupToken, code } })).status).toBe(200);
      const ana = await s.login("ana@demo.inbox");
      expect((await api("/api/admin/security", admin, { method: "PUT", json: { require2fa: "everyone", sessionHours: null } })).status).toBe(200);

      // Ana's session (opened before) and a new one: only enrolment, /api/me and sign-out work.
      for (const token of [ana, await s.login("ana@demo.inbox")]) {
        const list = await api("/api/conversations", token);
        expect(list.status).toBe(403);
        expect(await errorOf(list)).toEqual({
          code: "two_factor_required",
          message: "Your workspace requires two-factor sign-in. Set it up on your profile to continue.",
          fields: { reason: "two_factor_setup_required" },
        });
        expect(MeResponseSchema.parse(await (await api("/api/me", token)).json()).account?.mustEnrolTwoFactor).toBe(true);
      }
      const room = await agentSocket(`${s.url.replace("http", "ws")}/sync/team.${s.seed!.teamIds.support}`, ana).then(
        () => "open",
        (err: Error) => err.message,
      );
      expect(room).toBe("refused with 403");

      const anaSetup = TwoFactorSetupResponseSchema.parse(await (await api("/api/me/two-factor/setup", ana, { method: "POST" })).json());
      const anaCode = new TOTP({ secret: Secret.fromBase32(anaSetup.secret.replace(/ /g, "")) }).generate({ timestamp: s.core.now() });
      expect((await api("/api/me/two-factor/enable", ana, { method: "POST", json: { setupToken: anaSetup.setupToken, code: anaCode } })).status).toBe(200);
      expect((await api("/api/conversations", ana)).status).toBe(200);
      // Required: it cannot be turned off.
      const off = await api("/api/me/two-factor/disable", ana, { method: "POST", json: { code: anaCode } });
      expect((await errorOf(off)).fields).toEqual({ reason: "two_factor_required_by_workspace" });
      const audit = await s.core.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "workspace.security_changed") });
      expect(audit.at(-1)!.data).toEqual({ before: { require2fa: "none", sessionHours: null }, after: { require2fa: "everyone", sessionHours: null } });
    } finally {
      await s.stop();
    }
  });

  it("a session lasts what the admin set, from the next sign-in", async () => {
    const s = await startTestServer();
    try {
      const admin = await s.login("admin@demo.inbox");
      expect((await s.api("/api/admin/security", { method: "PUT", token: admin, json: { require2fa: "none", sessionHours: 8 } })).status).toBe(200);
      s.clock.frozenAt = Date.now();
      const res = await s.api("/api/auth/login", { method: "POST", json: { email: "ana@demo.inbox", password: DEMO_PASSWORD } });
      expect(LoginResponseSchema.parse(await res.json()).expiresAt).toBe(s.clock.frozenAt + 8 * 3600_000);
      const bad = await s.api("/api/admin/security", { method: "PUT", token: admin, json: { require2fa: "none", sessionHours: 0 } });
      expect(bad.status).toBe(400);
    } finally {
      await s.stop();
    }
  });
});
