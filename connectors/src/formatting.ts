import type { FormattingStyle } from "./connector.ts";

/**
 * Agents write markdown-lite: `**bold**`, `_italic_`, `~~strike~~`, `` `code` ``, `- ` lists,
 * `[text](https://url)`. Each platform gets its own rendering.
 */
export function formatForPlatform(text: string, style: FormattingStyle): string {
  switch (style) {
    case "whatsapp":
      return toWhatsApp(text);
    case "telegram-html":
      return toTelegramHtml(text);
    case "plain":
      return toPlain(text);
  }
}

const LINK = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

function toWhatsApp(text: string): string {
  return text
    .replace(LINK, "$1 ($2)")
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/~~(.+?)~~/g, "~$1~")
    .replace(/`([^`]+)`/g, "```$1```")
    .replace(/^- /gm, "• ");
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Telegram's HTML parse mode: only b, i, s, code, a are used; everything else is escaped. */
function toTelegramHtml(text: string): string {
  return escapeHtml(text)
    .replace(LINK, (_m, label: string, url: string) => `<a href="${url.replace(/"/g, "&quot;")}">${label}</a>`)
    .replace(/\*\*(.+?)\*\*/g, "<b>$1</b>")
    .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,!?])/gm, "$1<i>$2</i>")
    .replace(/~~(.+?)~~/g, "<s>$1</s>")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/^- /gm, "• ");
}

function toPlain(text: string): string {
  return text
    .replace(LINK, "$1 ($2)")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/(^|[\s(])_(.+?)_(?=$|[\s).,!?])/gm, "$1$2")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^- /gm, "• ");
}
