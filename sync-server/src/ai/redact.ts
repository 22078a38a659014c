/**
 * What leaves the server for an AI provider can be stripped of customers' contact and payment
 * details first (Settings → AI assistance, "Hide emails, phone numbers and card numbers", on by
 * default): each is replaced by a marker the model keeps in its answer. Card numbers go first
 * (13–19 digits that pass the Luhn check), so their digits are never read as a phone number.
 */
export interface Redacted {
  text: string;
  /** How many details were replaced. */
  count: number;
}

export const MARKERS = { email: "[email]", phone: "[phone]", card: "[card number]" } as const;

const CARD = /(?<![\p{L}\p{N}])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}])/gu;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits with the separators people write phone numbers with: +55 (11) 91234-5678,
// 011 3456-7890, 0800 123 4567, +1 415.555.0100. What counts is 8 to 15 digits (E.164's limit).
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d \t().-]{6,}\d(?![\p{L}\p{N}])/gu;

export function redact(input: string): Redacted {
  let count = 0;
  let text = input.replace(CARD, (m) => {
    if (!luhn(m.replace(/\D/g, ""))) return m;
    count++;
    return MARKERS.card;
  });
  text = text.replace(EMAIL, () => {
    count++;
    return MARKERS.email;
  });
  text = text.replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, "").length;
    if (digits < 8 || digits > 15 || looksLikeDate(m)) return m;
    count++;
    return MARKERS.phone;
  });
  return { text, count };
}

/** The Luhn checksum card numbers carry (ISO/IEC 7812-1). */
export function luhn(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 2026-12-06, 06.12.2026, 06-12-2026: dates are not phone numbers. */
function looksLikeDate(text: string): boolean {
  return /^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{4}$/.test(text.trim());
}
