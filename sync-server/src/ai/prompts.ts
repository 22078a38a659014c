import type { User } from "@inbox/shared";
import type { RewriteStyle } from "@inbox/shared/api/ai";
import type { AiMessage } from "./provider.ts";

/**
 * Every prompt the assistant sends, in one place. Instructions are written in the agent's
 * language (English or Brazilian Portuguese) so an answer that is not a translation comes back
 * in it; translations name the language to write. Placeholders such as [email] are what
 * redaction left in the text, and the model is asked to keep them as they are.
 */
export type Locale = User["locale"];
type Words = Record<Locale, string>;

const KEEP_MARKERS: Words = {
  en: "Keep placeholders such as [email], [phone] and [card number] exactly as they are. Answer with the text only: no preamble, no quotes, no explanation.",
  "pt-BR": "Mantenha marcadores como [email], [phone] e [card number] exatamente como estão. Responda apenas com o texto: sem introdução, sem aspas, sem explicações.",
};

const REWRITE: Record<RewriteStyle, Words> = {
  friendlier: { en: "Rewrite this customer-support reply to sound warmer and friendlier, keeping its meaning.", "pt-BR": "Reescreva esta resposta de atendimento para soar mais calorosa e simpática, mantendo o sentido." },
  formal: { en: "Rewrite this customer-support reply in a more formal, professional tone, keeping its meaning.", "pt-BR": "Reescreva esta resposta de atendimento em um tom mais formal e profissional, mantendo o sentido." },
  empathetic: { en: "Rewrite this customer-support reply to show more empathy for the customer's situation, keeping its meaning.", "pt-BR": "Reescreva esta resposta de atendimento demonstrando mais empatia com a situação do cliente, mantendo o sentido." },
  shorter: { en: "Rewrite this customer-support reply to be shorter and to the point, keeping every fact.", "pt-BR": "Reescreva esta resposta de atendimento de forma mais curta e direta, mantendo todos os fatos." },
  longer: { en: "Rewrite this customer-support reply with a little more detail and explanation, without inventing facts.", "pt-BR": "Reescreva esta resposta de atendimento com um pouco mais de detalhe e explicação, sem inventar fatos." },
  fix: { en: "Correct the spelling, grammar and punctuation of this customer-support reply. Change nothing else.", "pt-BR": "Corrija a ortografia, a gramática e a pontuação desta resposta de atendimento. Não mude mais nada." },
};

const SAME_LANGUAGE: Words = { en: "Write in the same language as the reply.", "pt-BR": "Escreva no mesmo idioma da resposta." };

export function rewritePrompt(locale: Locale, style: RewriteStyle, draft: string): AiMessage[] {
  return [
    { role: "system", content: `${REWRITE[style][locale]} ${SAME_LANGUAGE[locale]} ${KEEP_MARKERS[locale]}` },
    { role: "user", content: draft },
  ];
}

/** `languageName` in English (e.g. "Portuguese"): models follow it whatever the instructions' language. */
export function translatePrompt(locale: Locale, languageName: string, text: string): AiMessage[] {
  const ask: Words = {
    en: `Translate the following text into ${languageName}. Keep the tone and the formatting.`,
    "pt-BR": `Traduza o texto a seguir para ${languageName} (language: ${languageName}). Mantenha o tom e a formatação.`,
  };
  return [
    { role: "system", content: `${ask[locale]} ${KEEP_MARKERS[locale]}` },
    { role: "user", content: text },
  ];
}

export function summaryPrompt(locale: Locale, transcript: string): AiMessage[] {
  const ask: Words = {
    en: "Summarise this customer-support conversation as a handover note for a colleague: who the customer is and what they need, what was done or promised, and what is still open. At most six short lines, in English.",
    "pt-BR": "Resuma esta conversa de atendimento como uma nota de passagem para um colega: quem é o cliente e do que precisa, o que foi feito ou prometido e o que continua pendente. No máximo seis linhas curtas, em português do Brasil.",
  };
  return [
    { role: "system", content: `${ask[locale]} ${KEEP_MARKERS[locale]}` },
    { role: "user", content: transcript },
  ];
}

/** `languageName`: the customer's language (the reply is written in it); the articles are the only source of facts. */
export function draftReplyPrompt(locale: Locale, languageName: string | null, transcript: string, articles: readonly { title: string; body: string }[]): AiMessage[] {
  const language = languageName ?? (locale === "pt-BR" ? "Portuguese" : "English");
  const ask: Words = {
    en: `Draft the agent's next reply to the customer in ${language}. Use only facts from the knowledge-base articles below; if they do not answer the question, say that you will check and get back to the customer. Do not sign the message.`,
    "pt-BR": `Escreva um rascunho da próxima resposta do atendente ao cliente em ${language}. Use apenas fatos dos artigos da base de conhecimento abaixo; se eles não responderem à pergunta, diga que vai verificar e retornar ao cliente. Não assine a mensagem.`,
  };
  const heading: Words = { en: "Knowledge-base articles", "pt-BR": "Artigos da base de conhecimento" };
  const conversation: Words = { en: "Conversation", "pt-BR": "Conversa" };
  const kb = articles.length ? articles.map((a) => `## ${a.title}\n${a.body}`).join("\n\n") : "—";
  return [
    { role: "system", content: `${ask[locale]} ${KEEP_MARKERS[locale]}` },
    { role: "user", content: `# ${heading[locale]}\n${kb}\n\n# ${conversation[locale]}\n${transcript}` },
  ];
}

/** "Connection test": the smallest request that proves the address, key and model work. */
export const TEST_PROMPT: AiMessage[] = [{ role: "user", content: "Reply with the single word: OK" }];
