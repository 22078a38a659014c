/// <reference path="./cloudflare-sockets.d.ts" />
import { connect, type Socket } from "cloudflare:sockets";
import type { SmtpEndpoint } from "../people/index.ts";
import { base64Utf8 } from "./mime-message.ts";

/** Where and as whom: SMTP_URL as both runtimes read it (people/smtp-endpoint.ts). */
export type SmtpTarget = Pick<SmtpEndpoint, "host" | "port" | "secure" | "user" | "password" | "requireTls">;

/** What went wrong, as a kind the mailer puts in words, and the server's answer when it gave one. */
export type SmtpFailureKind = "unreachable" | "timeout" | "closed" | "tls" | "auth" | "envelope" | "message" | "protocol";

export class SmtpFailure extends Error {
  override readonly name = "SmtpFailure";
  constructor(
    readonly kind: SmtpFailureKind,
    /** The server's reply line(s), or the runtime's error message: never anything we sent. */
    readonly answer: string,
  ) {
    super(`${kind}: ${answer}`);
  }
}

export interface SmtpTimeouts {
  /** Until the TCP (and TLS) connection is open and the server greeted. */
  greetingMs: number;
  /** For each reply after that. */
  replyMs: number;
}

interface Reply {
  code: number;
  /** The reply's lines without their codes, e.g. EHLO's extensions. */
  lines: string[];
  /** As the server wrote it, on one line: for a failure's words. */
  text: string;
}

/**
 * One SMTP conversation over the Workers runtime's TCP socket (`cloudflare:sockets`): greeting,
 * EHLO, STARTTLS (or TLS from the start), AUTH PLAIN or LOGIN, one message to one recipient,
 * QUIT. Hand-written because the one Workers SMTP package (worker-mailer 1.2) goes on to send
 * the password in plain text when a server, or someone between, leaves STARTTLS out, and spins
 * on a connection the server closed; the conversation a mailer for invitations needs is this
 * small. Nothing sent (the AUTH line, the message) is ever logged or put in an error.
 */
export async function sendOverSmtp(target: SmtpTarget, envelope: { from: string; to: string }, message: string, timeouts: SmtpTimeouts): Promise<void> {
  let socket: Socket;
  try {
    socket = connect({ hostname: target.host, port: target.port }, { secureTransport: target.secure ? "on" : "starttls", allowHalfOpen: false });
  } catch (err) {
    throw new SmtpFailure("unreachable", errorText(err));
  }
  let line = new Line(socket);
  try {
    await within(
      (async () => {
        await socket.opened.catch((err: unknown) => {
          throw new SmtpFailure("unreachable", errorText(err));
        });
        accepted(await line.reply(), 220, "protocol");
      })(),
      timeouts.greetingMs,
    );
    const ask = (command: string, ok: number | number[], kind: SmtpFailureKind) => within(line.command(command).then((r) => accepted(r, ok, kind)), timeouts.replyMs);

    let hello = await ask("EHLO [127.0.0.1]", 250, "protocol");
    if (!target.secure) {
      if (hello.lines.some((l) => /^STARTTLS\b/i.test(l))) {
        await ask("STARTTLS", 220, "tls");
        // Anything the server sent before TLS began could have been put there by someone between.
        if (line.pending()) throw new SmtpFailure("tls", "the server sent more than its answer to STARTTLS");
        socket = line.release().startTls({ expectedServerHostname: target.host });
        line = new Line(socket);
        hello = await ask("EHLO [127.0.0.1]", 250, "protocol");
      } else if (target.requireTls) {
        throw new SmtpFailure("tls", "the server does not offer STARTTLS");
      }
    }

    if (target.user || target.password) {
      const methods = hello.lines.find((l) => /^AUTH\b/i.test(l))?.toUpperCase().split(/[\s=]+/) ?? [];
      if (methods.includes("PLAIN")) {
        await ask(`AUTH PLAIN ${base64Utf8(`\0${target.user}\0${target.password}`)}`, 235, "auth");
      } else if (methods.includes("LOGIN")) {
        await ask("AUTH LOGIN", 334, "auth");
        await ask(base64Utf8(target.user), 334, "auth");
        await ask(base64Utf8(target.password), 235, "auth");
      } else {
        throw new SmtpFailure("auth", "the server offers no way to sign in (AUTH PLAIN or LOGIN)");
      }
    }

    await ask(`MAIL FROM:<${envelope.from}>`, 250, "envelope");
    await ask(`RCPT TO:<${envelope.to}>`, [250, 251], "envelope");
    await ask("DATA", 354, "message");
    // The message ends with CRLF; a line of a single dot ends DATA (mime-message.ts has no line starting with a dot).
    await ask(`${message.replace(/\r\n$/, "")}\r\n.`, 250, "message");
    // Taken: a QUIT that goes unanswered changes nothing.
    await within(line.command("QUIT"), 1_000).catch(() => undefined);
  } finally {
    await socket.close().catch(() => undefined);
  }
}

/** The conversation's two ends on one socket: replies read whole, commands written as lines. */
class Line {
  private buffered = "";
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;

  constructor(private readonly socket: Socket) {
    this.reader = socket.readable.getReader();
    this.writer = socket.writable.getWriter();
  }

  async command(text: string): Promise<Reply> {
    await this.writer.write(new TextEncoder().encode(`${text}\r\n`));
    return this.reply();
  }

  /** One reply: lines `250-…` up to the last one, `250 …`. */
  async reply(): Promise<Reply> {
    for (;;) {
      const reply = this.take();
      if (reply) return reply;
      const { value, done } = await this.reader.read();
      if (done) throw new SmtpFailure("closed", this.buffered.trim() || "the connection was closed");
      this.buffered += this.decoder.decode(value, { stream: true });
      if (this.buffered.length > 65_536) throw new SmtpFailure("protocol", "the server's reply is too long");
    }
  }

  pending(): boolean {
    return this.buffered.length > 0;
  }

  /** Gives the socket back (for STARTTLS, which needs it unlocked). */
  release(): Socket {
    this.reader.releaseLock();
    this.writer.releaseLock();
    return this.socket;
  }

  private take(): Reply | null {
    const lines: string[] = [];
    let rest = this.buffered;
    for (let at = rest.indexOf("\n"); at >= 0; at = rest.indexOf("\n")) {
      const text = rest.slice(0, at).replace(/\r$/, "");
      rest = rest.slice(at + 1);
      lines.push(text);
      if (/^\d{3}-/.test(text)) continue;
      this.buffered = rest;
      return { code: Number(text.slice(0, 3)) || 0, lines: lines.map((l) => l.slice(4)), text: lines.join(" ").replace(/\s+/g, " ").trim() };
    }
    return null;
  }
}

function accepted(reply: Reply, ok: number | number[], kind: SmtpFailureKind): Reply {
  if ((Array.isArray(ok) ? ok : [ok]).includes(reply.code)) return reply;
  throw new SmtpFailure(kind, reply.text);
}

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SmtpFailure("timeout", `no answer in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
