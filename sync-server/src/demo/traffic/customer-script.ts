import type { CustomerAction } from "../../simulator/index.ts";
import type { SeededRandom } from "./rng.ts";

// What the demo's simulated customers say: a few topics, each an opening, answers to an agent,
// a nudge when nobody answers, and a thank-you. Plain text only: customer content is never HTML.

interface Topic {
  opening: string[];
  answers: string[];
}

const TOPICS: Topic[] = [
  {
    opening: ["Hi, my order hasn't arrived yet. Can you check?", "It was supposed to come on Monday."],
    answers: ["The order number is #{n}.", "Yes, same address as always.", "Could you send me the tracking link?"],
  },
  {
    opening: ["Olá! Posso trocar o tamanho do tênis que comprei?"],
    answers: ["Comprei 41 mas preciso de 42.", "O pedido é o #{n}.", "Posso levar na loja?"],
  },
  {
    opening: ["Do you offer discounts for non-profits?"],
    answers: ["We're a small charity, about 12 people.", "Would the yearly plan be cheaper?", "Can you send a quote to our finance team?"],
  },
  {
    opening: ["I was charged twice for the same order.", "Can you refund one of them?"],
    answers: ["Both charges are from yesterday, order #{n}.", "It's the card ending in {n}.", "How long does a refund take?"],
  },
  {
    opening: ["Is the green backpack back in stock?"],
    answers: ["The 30 litre one.", "Can you let me know when it is?", "Do you ship to Portugal?"],
  },
  {
    opening: ["How do I reset my password?"],
    answers: ["I didn't get the email.", "Found it in spam, trying now.", "It says the link expired."],
  },
  {
    opening: ["Bom dia! Vocês entregam em Campinas?"],
    answers: ["Quanto custa o frete?", "E se eu comprar hoje, chega quando?", "Pode ser em outro endereço?"],
  },
];

const NUDGES = ["Hello? Is anyone there?", "Any news?", "Still waiting for an answer…", "Oi? Alguém aí?"];
const THANKS = ["Great, that solves it. Thanks!", "Perfect, thank you!", "Obrigado, resolvido!", "Thanks, all sorted."];
const FIRST = ["Maria", "João", "Chen", "Priya", "Lucas", "Ana", "Yuki", "Carlos", "Fatima", "Sven", "Aiko", "Rafael", "Lena", "Omar", "Sofia", "Kenji"];
const LAST = ["Oliveira", "Pereira", "Wei", "Nair", "Martin", "Costa", "Tanaka", "Mendes", "Haddad", "Berg", "Sato", "Lopes", "Kowalski", "Farah", "Rossi", "Ito"];

/** A customer id in each platform's own format (the connectors parse and check them). */
export function externalIdFor(channel: string, rng: SeededRandom): string {
  const digits = "0123456789";
  switch (channel) {
    case "whatsapp":
      return `55119${rng.chars(digits, 8)}`;
    case "messenger":
    case "instagram":
      return `${rng.int(1, 9)}${rng.chars(digits, 15)}`;
    case "telegram":
      return String(rng.int(100_000_000, 1_999_999_999));
    case "wechat":
      return `o${rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 27)}`;
    case "line":
      return `U${rng.chars("0123456789abcdef", 32)}`;
    default:
      return "";
  }
}

/** One customer's part in a conversation, decided when they first write (so a seed replays it). */
export interface CustomerScript {
  name: string;
  opening: string[];
  answers: string[];
  /** After this many answers to agents they say thanks and leave (a chat that resolves). */
  thanksAfter: number;
  /** Or they stop answering after this many (a chat that goes quiet); Infinity: they never do. */
  quietAfter: number;
  /** Nudges when nobody answers, before giving up. */
  maxNudges: number;
  /** Whether they may send a photo, a voice note, a location or tap a button now and then. */
  media: boolean;
  /** Whether they may also send a file (a PDF): not where customers cannot (WeChat). */
  files: boolean;
}

export function writeScript(rng: SeededRandom, media: boolean, files = media): CustomerScript {
  const topic = rng.pick(TOPICS);
  const n = String(rng.int(1000, 9999));
  const quiet = rng.chance(0.25);
  return {
    name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    opening: topic.opening,
    answers: rng.shuffle(topic.answers).map((line) => line.replace("{n}", n)),
    thanksAfter: rng.int(1, 3),
    quietAfter: quiet ? rng.int(0, 2) : Infinity,
    maxNudges: rng.int(0, 2),
    media,
    files,
  };
}

export const nudgeLine = (rng: SeededRandom): string => rng.pick(NUDGES);
export const thanksLine = (rng: SeededRandom): string => rng.pick(THANKS);

/** An answer to an agent: usually a line of text; on channels with media, sometimes not (about 1 in 6). */
export function answerAction(rng: SeededRandom, script: CustomerScript, index: number): CustomerAction {
  const text = script.answers[index % script.answers.length]!;
  if (!script.media || !rng.chance(1 / 6)) return { kind: "text", text };
  const roll = rng.int(0, script.files ? 4 : 3);
  if (roll === 0) return { kind: "image", caption: text };
  if (roll === 1) return { kind: "voice" };
  if (roll === 4) return { kind: "file" };
  if (roll === 2) return { kind: "location", latitude: -23.5505 + rng.next() / 100, longitude: -46.6333 + rng.next() / 100, name: "Home" };
  return { kind: "button", id: "yes", title: "Yes" };
}
