/**
 * The composer's built-in emoji and special characters: a compact set agents actually use in
 * support chats, each with the words it is found by (English and Portuguese). Pure data plus
 * the search, so no package and no network are needed.
 */

export interface Glyph {
  char: string;
  /** Its name, read out by screen readers and shown as a tooltip. */
  name: string;
  /** More words to find it by. */
  keywords?: string;
}

export const EMOJI: readonly Glyph[] = [
  { char: "😀", name: "grinning face", keywords: "smile happy sorriso feliz" },
  { char: "😊", name: "smiling face", keywords: "blush happy sorriso" },
  { char: "🙂", name: "slightly smiling face", keywords: "smile sorriso" },
  { char: "😉", name: "winking face", keywords: "wink piscada" },
  { char: "😂", name: "face with tears of joy", keywords: "laugh lol risada" },
  { char: "😅", name: "grinning face with sweat", keywords: "relief phew alívio" },
  { char: "😍", name: "smiling face with heart eyes", keywords: "love amor" },
  { char: "🥰", name: "smiling face with hearts", keywords: "love amor" },
  { char: "😎", name: "smiling face with sunglasses", keywords: "cool legal" },
  { char: "🤔", name: "thinking face", keywords: "hmm pensando" },
  { char: "😐", name: "neutral face", keywords: "meh neutro" },
  { char: "😕", name: "confused face", keywords: "confuso" },
  { char: "😢", name: "crying face", keywords: "sad triste" },
  { char: "😭", name: "loudly crying face", keywords: "sad triste choro" },
  { char: "😮", name: "face with open mouth", keywords: "wow surprise surpresa" },
  { char: "😴", name: "sleeping face", keywords: "sleep zzz sono" },
  { char: "😬", name: "grimacing face", keywords: "oops awkward" },
  { char: "🙄", name: "face with rolling eyes", keywords: "eyeroll" },
  { char: "😇", name: "smiling face with halo", keywords: "angel anjo" },
  { char: "🤗", name: "hugging face", keywords: "hug abraço" },
  { char: "🤝", name: "handshake", keywords: "deal agreement acordo aperto de mão" },
  { char: "👍", name: "thumbs up", keywords: "ok yes like sim joinha" },
  { char: "👎", name: "thumbs down", keywords: "no dislike não" },
  { char: "👏", name: "clapping hands", keywords: "applause bravo palmas" },
  { char: "🙌", name: "raising hands", keywords: "celebrate hooray" },
  { char: "🙏", name: "folded hands", keywords: "please thanks obrigado por favor" },
  { char: "👋", name: "waving hand", keywords: "hello hi bye olá tchau" },
  { char: "👌", name: "OK hand", keywords: "ok perfect perfeito" },
  { char: "✌️", name: "victory hand", keywords: "peace paz" },
  { char: "💪", name: "flexed biceps", keywords: "strong força" },
  { char: "👀", name: "eyes", keywords: "look olhar" },
  { char: "❤️", name: "red heart", keywords: "love amor coração" },
  { char: "💙", name: "blue heart", keywords: "love coração" },
  { char: "💚", name: "green heart", keywords: "love coração" },
  { char: "💔", name: "broken heart", keywords: "sad coração partido" },
  { char: "🔥", name: "fire", keywords: "hot lit fogo" },
  { char: "✨", name: "sparkles", keywords: "new shiny brilho" },
  { char: "⭐", name: "star", keywords: "favourite estrela" },
  { char: "🎉", name: "party popper", keywords: "celebrate congrats festa parabéns" },
  { char: "🎁", name: "wrapped gift", keywords: "present presente" },
  { char: "🎂", name: "birthday cake", keywords: "aniversário bolo" },
  { char: "✅", name: "check mark button", keywords: "done yes ok feito" },
  { char: "✔️", name: "check mark", keywords: "done ok" },
  { char: "❌", name: "cross mark", keywords: "no wrong error erro não" },
  { char: "⚠️", name: "warning", keywords: "alert caution aviso atenção" },
  { char: "❗", name: "exclamation mark", keywords: "important importante" },
  { char: "❓", name: "question mark", keywords: "question pergunta" },
  { char: "💡", name: "light bulb", keywords: "idea tip ideia dica" },
  { char: "📌", name: "pushpin", keywords: "pin important" },
  { char: "📎", name: "paperclip", keywords: "attachment anexo" },
  { char: "📷", name: "camera", keywords: "photo picture foto" },
  { char: "📞", name: "telephone receiver", keywords: "phone call telefone ligar" },
  { char: "📱", name: "mobile phone", keywords: "cell celular" },
  { char: "💻", name: "laptop", keywords: "computer computador" },
  { char: "📧", name: "e-mail", keywords: "email mail" },
  { char: "📦", name: "package", keywords: "delivery order box pedido entrega caixa" },
  { char: "🚚", name: "delivery truck", keywords: "shipping entrega frete caminhão" },
  { char: "🛒", name: "shopping cart", keywords: "buy order carrinho compra" },
  { char: "💳", name: "credit card", keywords: "payment pay pagamento cartão" },
  { char: "💰", name: "money bag", keywords: "price money dinheiro preço" },
  { char: "🧾", name: "receipt", keywords: "invoice bill recibo nota fiscal" },
  { char: "📄", name: "page", keywords: "document documento" },
  { char: "📅", name: "calendar", keywords: "date schedule data agenda" },
  { char: "⏰", name: "alarm clock", keywords: "time reminder lembrete" },
  { char: "⏳", name: "hourglass", keywords: "wait loading aguarde" },
  { char: "🔒", name: "locked", keywords: "secure password senha segurança" },
  { char: "🔑", name: "key", keywords: "password chave senha" },
  { char: "🔧", name: "wrench", keywords: "fix tool setting conserto" },
  { char: "⚙️", name: "gear", keywords: "settings configurações" },
  { char: "🔗", name: "link", keywords: "url" },
  { char: "📍", name: "round pushpin", keywords: "location place endereço local" },
  { char: "🏠", name: "house", keywords: "home casa" },
  { char: "🌟", name: "glowing star", keywords: "star estrela" },
  { char: "☀️", name: "sun", keywords: "weather sol" },
  { char: "☕", name: "hot beverage", keywords: "coffee café" },
  { char: "🍕", name: "pizza" },
  { char: "🚀", name: "rocket", keywords: "launch fast foguete" },
  { char: "💯", name: "hundred points", keywords: "perfect 100" },
  { char: "🆗", name: "OK button", keywords: "ok" },
  { char: "🆕", name: "NEW button", keywords: "new novo" },
  { char: "➡️", name: "right arrow", keywords: "next seta" },
  { char: "⬇️", name: "down arrow", keywords: "seta" },
  { char: "🇧🇷", name: "flag: Brazil", keywords: "brasil" },
  { char: "🇵🇹", name: "flag: Portugal" },
  { char: "🇺🇸", name: "flag: United States", keywords: "usa" },
];

export const SYMBOLS: readonly Glyph[] = [
  { char: "—", name: "em dash", keywords: "travessão" },
  { char: "–", name: "en dash", keywords: "range" },
  { char: "…", name: "ellipsis", keywords: "reticências" },
  { char: "•", name: "bullet", keywords: "marcador" },
  { char: "“", name: "left double quotation mark", keywords: "quote aspas" },
  { char: "”", name: "right double quotation mark", keywords: "quote aspas" },
  { char: "‘", name: "left single quotation mark", keywords: "quote aspas" },
  { char: "’", name: "right single quotation mark", keywords: "apostrophe quote aspas" },
  { char: "«", name: "left guillemet", keywords: "quote aspas angulares" },
  { char: "»", name: "right guillemet", keywords: "quote aspas angulares" },
  { char: "¿", name: "inverted question mark", keywords: "spanish" },
  { char: "¡", name: "inverted exclamation mark", keywords: "spanish" },
  { char: "°", name: "degree sign", keywords: "grau temperature" },
  { char: "º", name: "masculine ordinal indicator", keywords: "ordinal número" },
  { char: "ª", name: "feminine ordinal indicator", keywords: "ordinal" },
  { char: "€", name: "euro sign", keywords: "currency money moeda" },
  { char: "£", name: "pound sign", keywords: "currency moeda libra" },
  { char: "¥", name: "yen sign", keywords: "currency moeda" },
  { char: "¢", name: "cent sign", keywords: "currency" },
  { char: "R$", name: "Brazilian real", keywords: "currency money reais moeda" },
  { char: "©", name: "copyright sign" },
  { char: "®", name: "registered sign" },
  { char: "™", name: "trade mark sign", keywords: "trademark marca" },
  { char: "§", name: "section sign", keywords: "parágrafo" },
  { char: "±", name: "plus-minus sign", keywords: "math" },
  { char: "×", name: "multiplication sign", keywords: "times math vezes" },
  { char: "÷", name: "division sign", keywords: "math divisão" },
  { char: "≈", name: "almost equal to", keywords: "approximately math" },
  { char: "≠", name: "not equal to", keywords: "math" },
  { char: "≤", name: "less-than or equal to", keywords: "math" },
  { char: "≥", name: "greater-than or equal to", keywords: "math" },
  { char: "½", name: "one half", keywords: "fraction meio" },
  { char: "¼", name: "one quarter", keywords: "fraction" },
  { char: "→", name: "rightwards arrow", keywords: "arrow seta" },
  { char: "←", name: "leftwards arrow", keywords: "arrow seta" },
  { char: "↑", name: "upwards arrow", keywords: "arrow seta" },
  { char: "↓", name: "downwards arrow", keywords: "arrow seta" },
  { char: "✓", name: "check mark symbol", keywords: "tick ok" },
  { char: "✗", name: "ballot x", keywords: "cross no" },
  { char: "★", name: "black star", keywords: "star rating estrela" },
  { char: "☆", name: "white star", keywords: "star rating estrela" },
  { char: "ç", name: "c with cedilla", keywords: "cedilha" },
  { char: "ã", name: "a with tilde", keywords: "til" },
  { char: "õ", name: "o with tilde", keywords: "til" },
  { char: "é", name: "e with acute", keywords: "acento agudo" },
  { char: "ê", name: "e with circumflex", keywords: "acento circunflexo" },
  { char: "à", name: "a with grave", keywords: "crase" },
  { char: "ñ", name: "n with tilde", keywords: "spanish eñe" },
];

/** Strips accents and case, so "cafe" finds "café" and "Coracao" finds "coração". */
function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Glyphs whose name or keywords contain every word of the query; all of them for an empty query. */
export function searchGlyphs(glyphs: readonly Glyph[], query: string): Glyph[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...glyphs];
  return glyphs.filter((g) => {
    const hay = fold(`${g.name} ${g.keywords ?? ""}`);
    return words.every((w) => hay.includes(w));
  });
}
