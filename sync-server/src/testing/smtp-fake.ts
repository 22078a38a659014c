import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message as the fake mail server took it: envelope, headers and decoded text parts. */
export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Map<string, string>;
  text: string;
  html: string;
  raw: string;
}

export interface SmtpFake {
  port: number;
  /** `smtp://user:password@127.0.0.1:<port>`, as SMTP_URL takes it (the password percent-encoded). */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server, by nodemailer's authors) standing in for the
 * operator's mail server: plain SMTP with a password, as an internal relay takes it. Each message
 * is kept once the server has acknowledged it, which is when the sender's `sendMail` resolves.
 */
export async function startSmtpFake(auth: { user: string; password: string }): Promise<SmtpFake> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(given, _session, done) {
      if (given.username === auth.user && given.password === auth.password) return done(null, { user: given.username });
      done(new Error("Invalid username or password"));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({ from: mailFrom ? mailFrom.address : "", to: rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString("utf8")) });
        done();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const listening = server.listen(0, "127.0.0.1", () => resolve((listening.address() as AddressInfo).port));
  });
  return {
    port,
    url: `smtp://${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.password)}@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers and the decoded text and HTML of a message as nodemailer writes it (multipart/alternative). */
function parseMail(raw: string): Omit<ReceivedMail, "from" | "to"> {
  const [head, ...rest] = raw.split("\r\n\r\n");
  const headers = headerMap(head!);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const body = rest.join("\r\n\r\n");
  const chunks = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  const parts = chunks.map((chunk) => {
    const [partHead, ...partBody] = chunk.replace(/^\r\n/, "").split("\r\n\r\n");
    const h = headerMap(partHead!);
    const encoded = partBody.join("\r\n\r\n");
    const encoding = h.get("content-transfer-encoding")?.toLowerCase();
    const decoded = encoding === "base64" ? Buffer.from(encoded, "base64").toString("utf8") : encoding === "quoted-printable" ? quotedPrintable(encoded) : encoded;
    return { type: (h.get("content-type") ?? "text/plain").split(";")[0]!.trim(), body: decoded };
  });
  const part = (type: string) => parts.find((p) => p.type === type)?.body ?? "";
  return { headers, text: part("text/plain"), html: part("text/html"), raw };
}

function headerMap(head: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const at = line.indexOf(":");
    if (at > 0) out.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return out;
}

function quotedPrintable(text: string): string {
  const bytes = text.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
