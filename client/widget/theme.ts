import { isHexColour, textColorOn as contrastingText } from "@inbox/shared/domain/widget-appearance";

/** Accent colour handling: /config's `color` is admin-controlled text, so it is only ever used
 * as a CSS custom property value after the browser confirms it is a colour. */
export const DEFAULT_ACCENT = "#4f46e5";

/** Black or white, whichever reads better on the accent (WCAG contrast); white for what it can't analyse. */
export function textColorOn(color: string): string {
  return isHexColour(color) ? contrastingText(color.trim()) : "#ffffff";
}
