/** Accent colour handling: /config's `color` is admin-controlled text, so it is only ever used
 * as a CSS custom property value after the browser confirms it is a colour. */
export const DEFAULT_ACCENT = "#4f46e5";

/** Black or white, whichever reads better on the accent (WCAG relative luminance). */
export function textColorOn(color: string): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return "#ffffff";
  let hex = m[1]!;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white vs. against near-black text (#111827, L≈0.012).
  return (1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.062) ? "#ffffff" : "#111827";
}
