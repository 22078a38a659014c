import { env, runDurableObjectAlarm, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { InvitationLinkResponse } from "@inbox/shared";
import type { DurableObjectNamespace } from "../src/worker/cf-types.ts";
import { MailNotSent } from "../src/people/index.ts";
import { workerSmtpMailer } from "../src/worker/smtp-mailer.ts";
import { sendOverSmtp, SmtpFailure } from "../src/worker/smtp-session.ts";
import { db, ORIGIN, signIn } from "./edge-env.ts";
import type { MailboxEntry } from "./mailbox.ts";
import { eventually } from "./y-client.ts";

// Email on Workers: SMTP_URL and MAIL_FROM set as on Node, and the Worker's SMTP conversation
// over a TCP socket (cloudflare:sockets) with the SMTP stand-in on loopback that Node's mailer
// tests use (testing/smtp-fake.ts). What it took is read back over HTTP (mailbox.ts).

const mailEnv = env as unknown as { SMTP_BAD_PASSWORD_URL: string; SMTP_MAILBOX: string; SMTP_URL: string; SCHEDULER: DurableObjectNamespace };
const scheduler = () => mailEnv.SCHEDULER.get(mailEnv.SCHEDULER.idFromName("scheduler"));

async function mailTo(address: string): Promise<MailboxEntry[]> {
  const all = (await (await fetch(mailEnv.SMTP_MAILBOX)).json()) as MailboxEntry[];
  return all.filter((m) => m.to.includes(address));
}

async function api(path: string, init: { token?: string; json?: unknown } = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

let admin: string;
beforeAll(async () => {
  admin = await signIn();
});

describe("email on Workers", () => {
  it("an invitation is emailed with its link, and the link accepts it", async () => {
    const address = `mila.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const res = await api("/api/admin/invitations", { token: admin, json: { email: address, role: "agent", teamIds: [] } });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as InvitationLinkResponse;
    expect(answer).toMatchObject({ emailed: true });
    expect(answer.emailError).toBeUndefined();

    const [mail] = await eventually(async () => ((await mailTo(address)).length ? mailTo(address) : null));
    expect(mail!.from).toBe("no-reply@acme.example");
    expect(mail!.headers.from).toBe("Acme Support <no-reply@acme.example>");
    expect(mail!.headers.subject).toMatch(/invited you to/);
    expect(mail!.text).toContain(`${answer.link}\n`);
    expect(mail!.html).toContain(`<a href="${answer.link}">`);

    const token = new URL(answer.link).hash.slice(1);
    expect((await api("/api/invitations/accept", { json: { token, name: "Mila Rocha", password: "a long enough password" } })).status).toBe(200);
  });

  it("a visitor who left their email and went gets the agent's reply by email, in UTF-8", async () => {
    const inboxId = String((await db.execute("select id from inboxes where channel = 'webchat' and status = 'active' limit 1")).rows[0]![0]);
    const { token: visitor } = (await (await api(`/api/widget/${inboxId}/sessions`, { json: { name: "Lúcia Email" } })).json()) as { token: string };
    const question = `Olá, meu pedido não chegou ${crypto.randomUUID()}`;
    expect((await api(`/api/widget/${inboxId}/messages`, { token: visitor, json: { clientId: crypto.randomUUID(), text: question } })).status).toBe(201);
    const address = `lucia.${crypto.randomUUID().slice(0, 8)}@example.com`;
    expect((await api(`/api/widget/${inboxId}/email`, { token: visitor, json: { email: address } })).status).toBe(200);
    const conversationId = await eventually(async () => {
      const row = (await db.execute({ sql: "select conversation_id from messages where text = ?", args: [question] })).rows[0];
      return row ? String(row[0]) : null;
    });

    const reply = "Oi Lúcia! Seu pedido sai amanhã, às 9h.";
    const agent = await signIn("ana@demo.inbox");
    expect((await api(`/api/conversations/${conversationId}/messages`, { token: agent, json: { clientId: crypto.randomUUID(), text: reply } })).status).toBe(201);
    // No widget took it: queued for email, due once the visitor had a minute to come back.
    await eventually(async () => (await db.execute({ sql: "select 1 from reply_emails r join messages m on m.id = r.message_id where m.conversation_id = ?", args: [conversationId] })).rows[0] ?? null);
    // The minute passes; the scheduler's alarm sends it.
    await db.execute({ sql: "update reply_emails set due_at = ? where message_id in (select id from messages where conversation_id = ?)", args: [Date.now() - 1000, conversationId] });
    await runDurableObjectAlarm(scheduler());

    const [mail] = await eventually(async () => ((await mailTo(address)).length ? mailTo(address) : null));
    expect(mail!.text).toContain(reply);
    // Once the mail server took it, the history says so (one event), and it is not queued any more.
    await eventually(async () => Number((await db.execute({ sql: "select count(*) from events where conversation_id = ? and type = 'message.emailed'", args: [conversationId] })).rows[0]![0]) === 1);
    const queued = await db.execute({ sql: "select count(*) from reply_emails where message_id in (select id from messages where conversation_id = ?)", args: [conversationId] });
    expect(Number(queued.rows[0]![0])).toBe(0);
  });

  it("a mail server that refuses the password is said in words, without the password", async () => {
    const mailer = workerSmtpMailer({ smtpUrl: mailEnv.SMTP_BAD_PASSWORD_URL, from: "no-reply@acme.example" });
    const failure = await mailer.send({ to: "x@example.com", subject: "Hi", text: "Hi", html: "<p>Hi</p>" }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(MailNotSent);
    expect((failure as Error).message).toMatch(/^the mail server 127\.0\.0\.1:\d+ did not accept the user name and password \(it answered: 535/);
    expect((failure as Error).message).not.toContain("wrong-password");
    expect((failure as MailNotSent).failure).toMatchObject({ reason: "auth", detail: expect.stringMatching(/^535/) });
  });

  it("a mail server that is not there is said in words", async () => {
    // Port 9 (discard): nothing listens there on a test machine.
    const closed = mailEnv.SMTP_URL.replace(/:\d+$/, ":9");
    const failure = await workerSmtpMailer({ smtpUrl: closed, from: "no-reply@acme.example" })
      .send({ to: "x@example.com", subject: "Hi", text: "Hi", html: "<p>Hi</p>" })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(failure).toBeInstanceOf(MailNotSent);
    expect((failure as Error).message).toMatch(/^the mail server 127\.0\.0\.1:9 could not be reached \(/);
    expect((failure as MailNotSent).failure).toMatchObject({ reason: "unreachable", server: "127.0.0.1:9" });
  });

  it("a password bound for another machine is not sent when the server offers no STARTTLS", async () => {
    // The stand-in offers no STARTTLS; as a server elsewhere (or someone between stripping it) would.
    const url = new URL(mailEnv.SMTP_URL);
    const target = { host: url.hostname, port: Number(url.port), secure: false, user: "inbox-mailer", password: "s3cret:pass/word", requireTls: true };
    const failure = await sendOverSmtp(target, { from: "no-reply@acme.example", to: "x@example.com" }, "Subject: hi\r\n\r\nhi\r\n", { greetingMs: 5_000, replyMs: 5_000 }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(SmtpFailure);
    expect(failure).toMatchObject({ kind: "tls", answer: "the server does not offer STARTTLS" });
    expect(await mailTo("x@example.com")).toHaveLength(0);
  });
});
