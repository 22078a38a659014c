/**
 * Text normalisation shared by every insight: customers type without accents ("nao", "voce"),
 * in any case and with stretched letters ("muitooo", "sooo good"), so lexicons are written and
 * looked up in one folded form.
 */

const COMBINING_MARKS = /\p{M}+/gu;

/** Lowercase, without diacritics ("Não" → "nao"). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
}

/**
 * The forms a folded word may be looked up under, most specific first: as typed, with runs of
 * three or more letters cut to two ("goood" → "good"), then to one ("muitooo" → "muito"). Two
 * steps because some words carry a real double letter ("good", "assim", "carro"); a word typed
 * without any run of three is looked up only as typed, or "carro" (car) would read as "caro"
 * (expensive) and "seed" as "sed".
 */
export function lookupForms(word: string): string[] {
  const two = word.replace(/(\p{L})\1{2,}/gu, "$1$1");
  const one = two.replace(/(\p{L})\1+/gu, "$1");
  const forms = [word];
  if (two === word) return forms;
  forms.push(two);
  if (one !== two) forms.push(one);
  return forms;
}
