import { textColorOn as contrastingText } from "@inbox/shared/domain/widget-appearance";

/** Accent colour handling: /config's `color` is admin-controlled text, so it is only ever used
 * as a CSS custom property value after the browser confirms it is a colour. */
export const DEFAULT_ACCENT = "#4f46e5";

/** Black or white, whichever reads better on the accent (WCAG contrast); white for what it can't analyse. */
export function textColorOn(color: string): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return "#ffffff";
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return contrastingText(`#${hex}`);
}
