import { createServer, type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import type { InvitationLinkResponse, PeopleResponse } from "@inbox/shared";
import { loadConfig, StartupRefusal } from "../config.ts";
import { auditLog } from "../db/schema.ts";
import { smtpMailer } from "../node/smtp-mailer.ts";
import { MailNotSent } from "./mailer.ts";
import { startSmtpFake, type SmtpFake } from "../testing/smtp-fake.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Invitations emailed through a real SMTP conversation with a fake mail server on 127.0.0.1
// (testing/smtp-fake.ts). The link in the email is the one that works.

const SMTP_USER = "inbox-mailer";
const SMTP_PASSWORD = "s3cret:pass/word";
const FROM = "no-reply@acme.example";

let smtp: SmtpFake;
let server: TestServer;
let admin: string;
const logged = spyOnLogs();

beforeAll(async () => {
  smtp = await startSmtpFake({ user: SMTP_USER, password: SMTP_PASSWORD });
  server = await startTestServer({ mail: { smtpUrl: smtp.url, from: `Acme Support <${FROM}>` } });
  admin = await server.login("admin@demo.inbox");
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});
afterEach(() => {
  // Neither the link's token nor the mail server's password is ever written to the console.
  const text = logged.text();
  expect(text).not.toContain(SMTP_PASSWORD);
  expect(text).not.toContain(encodeURIComponent(SMTP_PASSWORD));
  expect(text).not.toMatch(/\/invite#/);
});

const tokenOf = (link: string) => new URL(link).hash.slice(1);

describe("invitations by email", () => {
  it("emails the invitee the link, which accepts the invitation; the audit entry says it was emailed", async () => {
    const res = await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "Mila@Example.com", role: "agent", teamIds: [] } });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as InvitationLinkResponse;
    expect(answer).toMatchObject({ emailed: true, invitation: { email: "mila@example.com", status: "pending" } });
    expect(answer.emailError).toBeUndefined();

    const mail = await waitFor("the invitation email", () => smtp.received.find((m) => m.to.includes("mila@example.com")));
    expect(mail.from).toBe(FROM);
    expect(mail.headers.get("subject")).toBe("Alice Admin invited you to Acme Support");
    expect(mail.headers.get("to")).toBe("mila@example.com");
    expect(mail.headers.get("from")).toBe(`Acme Support <${FROM}>`);
    const { text, html } = mail;
    expect(text).toContain("Alice Admin invited you to join Acme Support as Agent.");
    expect(text).toMatch(/until \w+day, \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/invite#[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(link).toBe(answer.link);
    expect(html).toContain(`<a href="${link}">`);

    const accepted = await server.api("/api/invitations/accept", { method: "POST", json: { token: tokenOf(link!), name: "Mila Rocha", password: "a long enough password" } });
    expect(accepted.status).toBe(200);

    const [entry] = await server.core.db.select().from(auditLog).where(and(eq(auditLog.action, "invitation.created"), eq(auditLog.target, answer.invitation.id)));
    expect(entry!.data).toMatchObject({ email: "mila@example.com", emailed: true });
    expect(JSON.stringify(entry)).not.toContain(tokenOf(link!));
  });

  it("resending emails a new link; the old one stops working", async () => {
    const first = (await (await server.api("/api/admin/invitations", { method: "POST", token: admin, json: { email: "theo@example.com", role: "supervisor", teamIds: [] } })).json()) as InvitationLinkResponse;
    const res = await server.api(`/api/admin/invitations/${first.invitation.id}/resend`, { method: "POST", token: admin });
    const resent = (await res.json()) as InvitationLinkResponse;
    expect(resent.emailed).toBe(true);
    const mails = await waitFor("two emails to Theo", () => {
      const theirs = smtp.received.filter((m) => m.to.includes("theo@example.com"));
      return theirs.length === 2 ? theirs : null;
    });
    const text = mails[1]!.text;
    expect(text).toContain(resent.link);
    expect(text).toContain("as Supervisor");
    expect((await server.api("/api/invitations/preview", { method: "POST", json: { token: tokenOf(first.link) } })).status).toBe(410);
    const [entry] = await server.core.db.select().from(auditLog).where(and(eq(auditLog.action, "invitation.resent"), eq(auditLog.target, first.invitation.id)));
    expect(entry!.data).toMatchObject({ emailed: true });
  });
});

describe("a mail server that cannot be reached", () => {
  let offline: TestServer;
  beforeAll(async () => {
    offline = await startTestServer({ mail: { smtpUrl: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${await closedPort()}`, from: FROM } });
  });
  afterAll(() => offline?.stop());

  it("still creates the invitation, answers emailed: false with the reason, and audits it", async () => {
    const token = await offline.login("admin@demo.inbox");
    const res = await offline.api("/api/admin/invitations", { method: "POST", token, json: { email: "ivo@example.com", role: "agent", teamIds: [] } });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as InvitationLinkResponse;
    expect(answer.emailed).toBe(false);
    expect(answer.emailError).toMatch(/^The email could not be sent: the mail server 127\.0\.0\.1:\d+ refused the connection; copy the link instead\.$/);
    expect(answer.emailReason).toMatch(/^the mail server 127\.0\.0\.1:\d+ refused the connection$/);
    // The same cause as a code, for the PWA to say in the admin's language.
    expect(answer.emailFailure).toEqual({ reason: "refused", server: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(JSON.stringify(answer)).not.toContain(SMTP_PASSWORD);

    const people = (await (await offline.api("/api/admin/people", { token })).json()) as PeopleResponse;
    expect(people.invitations.find((i) => i.email === "ivo@example.com")?.status).toBe("pending");
    expect((await offline.api("/api/invitations/preview", { method: "POST", json: { token: tokenOf(answer.link) } })).status).toBe(200);
    const [entry] = await offline.core.db.select().from(auditLog).where(and(eq(auditLog.action, "invitation.created"), eq(auditLog.target, answer.invitation.id)));
    expect(entry!.data).toMatchObject({ emailed: false, emailError: answer.emailReason });
    expect(JSON.stringify(entry)).not.toContain(SMTP_PASSWORD);
  });
});

describe("the SMTP mailer", () => {
  it("says in words that the mail server refused the sign-in, without the password it tried", async () => {
    const wrong = "wrong-pass-123";
    const mailer = smtpMailer({ smtpUrl: `smtp://${SMTP_USER}:${wrong}@127.0.0.1:${smtp.port}`, from: FROM });
    const failure = await mailer.send({ to: "x@example.com", subject: "s", text: "t", html: "<p>t</p>" }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(MailNotSent);
    expect((failure as Error).message).toMatch(/^the mail server 127\.0\.0\.1:\d+ did not accept the user name and password/);
    expect((failure as Error).message).not.toContain(wrong);
  });
});

describe("SMTP settings", () => {
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      if (err instanceof StartupRefusal) return err.message;
      throw err;
    }
    return null;
  };

  it("needs a sender with the server, and never repeats the URL (it holds the password)", () => {
    const url = `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@mail.example:587`;
    expect(refusal({ SMTP_URL: url })).toMatch(/MAIL_FROM: set the sender/);
    expect(refusal({ SMTP_URL: url.replace("smtp:", "http:"), MAIL_FROM: FROM })).toMatch(/SMTP_URL: use smtp:\/\//);
    expect(refusal({ SMTP_URL: url, MAIL_FROM: "not an address" })).toMatch(/MAIL_FROM: use an address/);
    for (const message of [refusal({ SMTP_URL: url }), refusal({ SMTP_URL: url.replace("smtp:", "http:") })]) expect(message).not.toContain(encodeURIComponent(SMTP_PASSWORD));
    expect(loadConfig({ SMTP_URL: url, MAIL_FROM: `Inbox <${FROM}>` })).toMatchObject({ SMTP_URL: url, MAIL_FROM: `Inbox <${FROM}>` });
    // Left blank, as env files often do: no email.
    expect(loadConfig({ SMTP_URL: "", MAIL_FROM: "" }).SMTP_URL).toBeUndefined();
  });
});

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Everything the server writes to the console, to check what never appears there. */
function spyOnLogs(): { text(): string } {
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level));
  return { text: () => spies.flatMap((s) => s.mock.calls.flat().map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a)))).join("\n") };
}
