import { toBase64 } from "@inbox/connectors/src/crypto.ts";
import type { OutgoingMail } from "../people/index.ts";

/** A sender as MAIL_FROM gives it (`Inbox <no-reply@example.com>` or an address), taken apart. */
export interface Mailbox {
  name: string;
  address: string;
}

export function parseMailbox(text: string): Mailbox {
  const angled = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(text);
  return angled ? { name: angled[1]!.replace(/^"(.*)"$/, "$1"), address: angled[2]!.trim() } : { name: "", address: text.trim() };
}

/**
 * The message as it goes after DATA: headers, then the text and the HTML as
 * multipart/alternative, both UTF-8 in base64. Base64 keeps every line short and never starting
 * with a dot, so the body needs no dot-stuffing and passes any relay unchanged; non-ASCII header
 * words (a subject in Portuguese, a team's name) are RFC 2047 encoded words. Lines end in CRLF.
 */
export function mimeMessage(from: Mailbox, mail: OutgoingMail, now = new Date()): string {
  const boundary = `=_inbox_${crypto.randomUUID().replace(/-/g, "")}`;
  const domain = from.address.split("@").pop() || "inbox.invalid";
  const part = (type: string, body: string) => [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, "Content-Transfer-Encoding: base64", "", wrap(base64Utf8(body))];
  return [
    `From: ${mailboxHeader(from)}`,
    `To: ${mail.to}`,
    `Subject: ${headerWords(mail.subject)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${crypto.randomUUID()}@${domain}>`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    ...part("text/plain", mail.text),
    ...part("text/html", mail.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

function mailboxHeader({ name, address }: Mailbox): string {
  if (!name) return address;
  // A name with a comma or a dot in it is one quoted word, not a list of addresses.
  const shown = isAscii(name) ? (/[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : name) : headerWords(name);
  return `${shown} <${address}>`;
}

/** ASCII as it is; anything else as UTF-8 encoded words of at most 75 characters, folded. */
function headerWords(text: string): string {
  if (isAscii(text)) return text;
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    // 45 bytes of UTF-8 make 60 base64 characters: with `=?utf-8?B?` and `?=`, under 75.
    if (new TextEncoder().encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?utf-8?B?${base64Utf8(w)}?=`).join("\r\n ");
}

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

export function base64Utf8(text: string): string {
  return toBase64(new TextEncoder().encode(text));
}

function wrap(base64: string): string {
  return base64.replace(/.{1,76}/g, "$&\r\n").replace(/\r\n$/, "");
}
