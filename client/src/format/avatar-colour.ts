/** A stable colour per person, so the same customer always has the same avatar colour. */
const HUES = [212, 262, 330, 24, 152, 190, 286, 44];

export function avatarHue(seed: string): number {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return HUES[h % HUES.length]!;
}
