import type { InsightLanguage } from "./language.ts";

/**
 * Words that give a language away in short chat messages, where character n-grams have too
 * little text to go on: frequent function words that the other two languages do not share
 * (so no "que", "de", "a", "no", "la"), chat spellings and laughter. Folded, without accents.
 */
export const LANGUAGE_CUES: Readonly<Record<InsightLanguage, readonly string[]>> = {
  pt: [
    "vc", "vcs", "voce", "voces", "pq", "tb", "tbm", "mto", "mt", "blz", "vlw", "valeu", "obg", "obgd", "obrigado",
    "obrigada", "pfv", "nao", "ta", "to", "estou", "tô", "meu", "minha", "seu", "sua", "nao", "sim", "oi", "ola", "tudo",
    "bom", "boa", "nada", "kkk", "kkkk", "kkkkk", "rs", "rsrs", "rsrsrs", "aff", "mds", "cade", "hj", "isso", "esse", "essa",
    "ainda", "ja", "muito", "tambem", "entao", "agora", "voces", "nem", "pra", "pro", "com", "uma", "um", "ao", "do",
    "da", "dos", "das", "na", "nas", "ate", "foi", "sao", "tem", "quero", "preciso", "pedido", "entrega", "obrigadao",
    "beleza", "certo", "certinho", "ne", "eh", "ai", "alguem", "ninguem", "dia", "tarde", "noite", "nd", "td", "ngm", "q",
  ],
  en: [
    "the", "and", "you", "u", "ur", "is", "are", "was", "my", "i", "i'm", "im", "it", "it's", "this", "that", "to",
    "of", "for", "with", "pls", "plz", "thx", "thanks", "thank", "ty", "lol", "lmao", "hi", "hello", "hey", "ok", "okay",
    "yes", "not", "don't", "dont", "can't", "what", "where", "how", "when", "why", "please", "wtf", "omg", "idk", "tbh",
    "cheers", "great", "good", "bad", "order", "help", "have", "has", "been", "will", "would", "just", "again", "cool",
  ],
  es: [
    "q", "xq", "porq", "jaja", "jajaja", "jajajaja", "jeje", "gracias", "hola", "muy", "mi", "mis", "tu", "usted",
    "ustedes", "el", "los", "las", "y", "pero", "porque", "pedido", "ya", "nadie", "nada", "tengo", "necesito",
    "quiero", "esta", "estoy", "hoy", "manana", "ayer", "bueno", "buena", "buenas", "buenos", "porfa", "tmb", "tambien",
    "sin", "con", "una", "uno", "del", "al", "es", "son", "fue", "hay", "puedo", "puede", "llego", "cuenta", "dinero",
    "ayuda", "ayudan", "dias", "semanas", "vez", "otra", "si", "sí", "cuanto", "donde", "envio", "ahora", "todavia",
  ],
};
