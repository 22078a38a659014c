/**
 * Customer satisfaction (CSAT, issue 14): after a chat is resolved the customer is asked to rate
 * it from 1 to 5, with buttons where the channel has them, otherwise by replying with a number;
 * anything after the number is their comment. Pure rules shared by the server (what to send,
 * what counts as an answer) and the PWA (what a rating looks like in the timeline).
 */
import type { Message, MessageContent } from "./message.ts";

/** The inbox `settings` key that turns the question on (default off). */
export const CSAT_SETTING = "csatEnabled";
/** The inbox `settings` key of the language used when the customer's cannot be told (default en). */
export const CSAT_LANGUAGE_SETTING = "csatLanguage";

/** A chat is asked at most once in this long, however often it is resolved. */
export const CSAT_REQUEST_COOLDOWN_MS = 24 * 3600_000;
/** An answer counts for this long after the question. */
export const CSAT_ANSWER_WINDOW_MS = 7 * 24 * 3600_000;

export const CSAT_LANGUAGES = ["en", "pt-BR", "es"] as const;
export type CsatLanguage = (typeof CSAT_LANGUAGES)[number];

type Settings = Readonly<Record<string, string | number | boolean>> | null | undefined;

export function csatEnabledOf(settings: Settings): boolean {
  return settings?.[CSAT_SETTING] === true;
}

/**
 * The question's language: the customer's (a detected two-letter code such as "pt"), else the
 * inbox's fallback, else English.
 */
export function csatLanguageOf(detected: string | null, settings?: Settings): CsatLanguage {
  const fromCode = (code: unknown): CsatLanguage | null => {
    if (typeof code !== "string") return null;
    const base = code.toLowerCase().split(/[-_]/)[0];
    return base === "pt" ? "pt-BR" : base === "es" ? "es" : base === "en" ? "en" : null;
  };
  return fromCode(detected) ?? fromCode(settings?.[CSAT_LANGUAGE_SETTING]) ?? "en";
}

const WORDING: Record<CsatLanguage, { ask: string; typed: string }> = {
  en: {
    ask: "How would you rate our help? Tap a number from 1 (bad) to 5 (great). You can write a comment after it.",
    typed: "How would you rate our help? Reply with a number from 1 (bad) to 5 (great).",
  },
  "pt-BR": {
    ask: "Como você avalia nosso atendimento? Toque em um número de 1 (ruim) a 5 (ótimo). Se quiser, escreva um comentário depois.",
    typed: "Como você avalia nosso atendimento? Responda com um número de 1 (ruim) a 5 (ótimo).",
  },
  es: {
    ask: "¿Cómo calificarías nuestra ayuda? Toca un número del 1 (mala) al 5 (excelente). Puedes escribir un comentario después.",
    typed: "¿Cómo calificarías nuestra ayuda? Responde con un número del 1 (mala) al 5 (excelente).",
  },
};

/** The five choices: the number first, so a platform that sends back only the title still reads as a rating. */
export const CSAT_CHOICES: readonly { id: string; title: string }[] = [
  { id: "csat:1", title: "1 😞" },
  { id: "csat:2", title: "2 🙁" },
  { id: "csat:3", title: "3 😐" },
  { id: "csat:4", title: "4 🙂" },
  { id: "csat:5", title: "5 😍" },
];

/** What a channel can show, from its connector's capabilities. */
export interface ChoiceCapabilities {
  maxButtons: number;
  maxButtonTitleLength: number;
  maxQuickReplies: number;
}

/**
 * The question as this channel can carry it: quick replies, else buttons, where five fit with
 * their titles (counted in characters, as platforms count them); plain text otherwise.
 */
export function csatQuestion(language: CsatLanguage, caps: ChoiceCapabilities | null | undefined): MessageContent {
  const words = WORDING[language];
  const titlesFit = !!caps && CSAT_CHOICES.every((c) => Array.from(c.title).length <= caps.maxButtonTitleLength);
  if (caps && titlesFit && caps.maxQuickReplies >= CSAT_CHOICES.length) return { kind: "quick_replies", text: words.ask, replies: [...CSAT_CHOICES] };
  if (caps && titlesFit && caps.maxButtons >= CSAT_CHOICES.length) return { kind: "buttons", text: words.ask, buttons: [...CSAT_CHOICES] };
  return { kind: "text", text: words.typed };
}

export interface CsatAnswer {
  rating: 1 | 2 | 3 | 4 | 5;
  comment: string | null;
}

const STAR = "⭐";
const MAX_COMMENT = 1000;

/**
 * Whether a customer's message reads as a rating, with its comment: a tapped choice (`csat:N`,
 * or one of the offer's titles), a text starting with one digit 1–5 ("4 quick and kind": the
 * rest is the comment; "45 minutes" or "4.5" are not), or one to five ⭐ alone. Whether it
 * answers a question still asked is the caller's to decide.
 */
export function parseCsatAnswer(content: MessageContent, offered?: readonly { id: string; title: string }[]): CsatAnswer | null {
  if (content.kind !== "text") return null;
  const byId = content.replyTo && /^csat:([1-5])$/.exec(content.replyTo.choiceId);
  if (byId) return { rating: Number(byId[1]) as CsatAnswer["rating"], comment: null };
  const text = content.text.trim();
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase();
  const titled = offered?.find((c) => /^csat:[1-5]$/.test(c.id) && norm(c.title) === norm(text));
  if (titled) return { rating: Number(titled.id.slice(5)) as CsatAnswer["rating"], comment: null };
  const stars = text.replace(/\uFE0F/g, "");
  if (stars.length > 0 && stars.length <= 5 * STAR.length && stars === STAR.repeat(stars.length / STAR.length)) {
    return { rating: (stars.length / STAR.length) as CsatAnswer["rating"], comment: null };
  }
  // One digit, then the end or anything that does not continue the number ("45 minutes", "4.5" are not ratings).
  const m = /^([1-5])(?!\d)([\s\S]*)$/u.exec(text);
  if (!m || /^[.,]\d/.test(m[2]!)) return null;
  const rest = m[2]!.replace(/^\s*\/\s*5(?!\d)/u, "").replace(/^[\s\-–—:.,)!]+/u, "").trim();
  return { rating: Number(m[1]) as CsatAnswer["rating"], comment: rest ? rest.slice(0, MAX_COMMENT) : null };
}

/**
 * The id of the conversation's newest customer message when it reads as a rating, else "": a
 * rating changes nothing else about the chat, so views that show `csat.rated` watch this to
 * read the history again. `sorted`: in timeline order.
 */
export function latestRatingLike(sorted: readonly Pick<Message, "id" | "senderKind" | "content">[]): string {
  for (let i = sorted.length - 1; i >= 0; i--) {
    const m = sorted[i]!;
    if (m.senderKind === "customer") return parseCsatAnswer(m.content, CSAT_CHOICES) ? m.id : "";
  }
  return "";
}

/** The latest rating among a conversation's recorded events, or null. */
export function latestRating(events: readonly { type: string; data: Record<string, unknown>; at: number }[]): (CsatAnswer & { at: number }) | null {
  let best: (CsatAnswer & { at: number }) | null = null;
  for (const e of events) {
    if (e.type !== "csat.rated") continue;
    const r = e.data.rating;
    if (typeof r !== "number" || !Number.isInteger(r) || r < 1 || r > 5) continue;
    if (best && best.at > e.at) continue;
    best = { rating: r as CsatAnswer["rating"], comment: typeof e.data.comment === "string" && e.data.comment.trim() ? e.data.comment.trim() : null, at: e.at };
  }
  return best;
}
