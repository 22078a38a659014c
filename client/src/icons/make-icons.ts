/**
 * Regenerates the PWA icons in client/public. Run from the repository root:
 *   npx tsx client/src/icons/make-icons.ts
 * Not part of the app bundle (nothing imports it); the PNGs it writes are committed.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodePng, iconSvg, renderIcon, type Rgb } from "./render-icon.ts";
import { THEME_COLOR } from "../theme.ts";

const publicDir = fileURLToPath(new URL("../../public/", import.meta.url));

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const background = hexToRgb(THEME_COLOR);
const white: Rgb = [255, 255, 255];

const outputs = [
  // "any" icons: rounded corners, transparent outside.
  { file: "icon-192.png", size: 192, cornerRadius: 0.22, glyphScale: 1 },
  { file: "icon-512.png", size: 512, cornerRadius: 0.22, glyphScale: 1 },
  // Maskable: full bleed, letter inside the 80% safe zone the platform may crop to.
  { file: "maskable-512.png", size: 512, cornerRadius: 0, glyphScale: 0.8 },
  // iOS rounds corners itself and shows transparency as black, so full bleed.
  { file: "apple-touch-icon.png", size: 180, cornerRadius: 0, glyphScale: 0.9 },
];

for (const o of outputs) {
  const pixels = renderIcon({ size: o.size, background, foreground: white, cornerRadius: o.cornerRadius, glyphScale: o.glyphScale });
  writeFileSync(publicDir + o.file, encodePng(o.size, o.size, pixels));
}
writeFileSync(publicDir + "icon.svg", iconSvg(THEME_COLOR, "#ffffff"));
console.log(`wrote ${outputs.length + 1} icons to ${publicDir}`);
