import type { OutgoingMail } from "../people/index.ts";
import { escapeHtml } from "../lib/escape-html.ts";

/**
 * The email that carries an agent's web chat reply to a visitor who left their address: in the
 * visitor's language (pt, es, else English), plain text and the same as escaped HTML (the
 * reply is the agent's text, never markup).
 */
const WORDS = {
  en: { subject: "{team} replied to your message", intro: "{agent} from {team} replied to your chat:", outro: "To continue, open the chat on our website again." },
  pt: { subject: "{team} respondeu à sua mensagem", intro: "{agent}, de {team}, respondeu à sua conversa:", outro: "Para continuar, abra o chat no nosso site novamente." },
  es: { subject: "{team} respondió a tu mensaje", intro: "{agent}, de {team}, respondió a tu chat:", outro: "Para continuar, vuelve a abrir el chat en nuestro sitio web." },
} as const;

export function replyEmailWords(input: { language: string | null; team: string; agent: string; text: string }): Omit<OutgoingMail, "to"> {
  const words = input.language === "pt" ? WORDS.pt : input.language === "es" ? WORDS.es : WORDS.en;
  const fill = (s: string) => s.replace("{team}", input.team).replace("{agent}", input.agent || input.team);
  const subject = fill(words.subject);
  const intro = fill(words.intro);
  const text = `${intro}\n\n${input.text}\n\n${words.outro}\n`;
  const html = [
    "<!doctype html>",
    '<html><body style="font-family: system-ui, sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(intro)}</p>`,
    `<blockquote style="white-space: pre-wrap; margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #ccc">${escapeHtml(input.text)}</blockquote>`,
    `<p>${escapeHtml(words.outro)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
