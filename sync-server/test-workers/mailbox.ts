import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SmtpFake } from "../src/testing/smtp-fake.ts";

/** A mail as the Workers tests read it from `GET <mailbox>`: envelope, headers and decoded parts. */
export interface MailboxEntry {
  from: string;
  to: string[];
  headers: Record<string, string>;
  text: string;
  html: string;
}

/** Serves what the SMTP fake took, for tests running inside workerd (which cannot read Node's memory). */
export async function startMailbox(smtp: SmtpFake): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    const mails: MailboxEntry[] = smtp.received.map((m) => ({ from: m.from, to: m.to, headers: Object.fromEntries(m.headers), text: m.text, html: m.html }));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(mails));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
