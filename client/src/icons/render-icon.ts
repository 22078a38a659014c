/**
 * Draws the app icon (a white "I" on a rounded indigo square) into RGBA pixels and encodes it as
 * PNG, with nothing but node:zlib. Kept dependency-free so the icons can be regenerated on any
 * machine without an image library; the output is committed to client/public.
 */
import { deflateSync } from "node:zlib";

export type Rgb = readonly [number, number, number];

export interface IconSpec {
  size: number;
  background: Rgb;
  foreground: Rgb;
  /** Corner radius as a fraction of the size; 0 = full-bleed square (maskable/apple icons). */
  cornerRadius: number;
  /** How big the letter is relative to the default; maskable icons need it inside the safe zone. */
  glyphScale: number;
}

/** The letter "I" with serifs, as rectangles in a unit square: [x0, y0, x1, y1]. */
const GLYPH: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.31, 0.22, 0.69, 0.33],
  [0.42, 0.22, 0.58, 0.78],
  [0.31, 0.67, 0.69, 0.78],
];

function insideRoundedSquare(x: number, y: number, r: number): boolean {
  if (x < 0 || y < 0 || x > 1 || y > 1) return false;
  if (r <= 0) return true;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideGlyph(x: number, y: number, scale: number): boolean {
  // Scale around the centre so a smaller glyph stays centred.
  const gx = 0.5 + (x - 0.5) / scale;
  const gy = 0.5 + (y - 0.5) / scale;
  return GLYPH.some(([x0, y0, x1, y1]) => gx >= x0 && gx <= x1 && gy >= y0 && gy <= y1);
}

/** RGBA pixels, anti-aliased by 4×4 supersampling. */
export function renderIcon(spec: IconSpec): Uint8Array {
  const { size } = spec;
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!insideRoundedSquare(x, y, spec.cornerRadius)) continue;
          if (insideGlyph(x, y, spec.glyphScale)) fg++;
          else bg++;
        }
      }
      const covered = bg + fg;
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) {
        out[i + c] = Math.round((spec.background[c]! * bg + spec.foreground[c]! * fg) / covered);
      }
      out[i + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeAndData = out.subarray(4, 8 + data.length);
  typeAndData.set(new TextEncoder().encode(type), 0);
  typeAndData.set(data, 4);
  view.setUint32(8 + data.length, crc32(typeAndData));
  return out;
}

/** A truecolour+alpha, 8-bit PNG of the given pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, default compression/filter/interlace
  // Every scanline starts with filter type 0 (none).
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", new Uint8Array(deflateSync(raw, { level: 9 }))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const total = parts.reduce((s, p) => s + p.length, 0);
  const png = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    png.set(p, o);
    o += p.length;
  }
  return png;
}

/** The same design as SVG, for the favicon and browsers that prefer vector icons. */
export function iconSvg(background: string, foreground: string): string {
  const rects = GLYPH.map(
    ([x0, y0, x1, y1]) =>
      `<rect x="${x0 * 512}" y="${y0 * 512}" width="${(x1 - x0) * 512}" height="${(y1 - y0) * 512}"/>`,
  ).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">` +
    `<rect width="512" height="512" rx="${0.22 * 512}" fill="${background}"/>` +
    `<g fill="${foreground}">${rects}</g></svg>\n`
  );
}
