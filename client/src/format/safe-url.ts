/**
 * Media URLs come from customers and platforms: untrusted. Only web URLs may become an href or
 * src; anything else (javascript:, data:, vbscript:, ...) is not rendered at all.
 */
export function safeUrl(raw: string, base: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    // The URL parser also strips the tabs and newlines that could hide a "javascript:" scheme.
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  // Same-origin media stays a path, so it keeps working behind any host name.
  if (url.origin === new URL(base).origin) return url.pathname + url.search + url.hash;
  return url.href;
}

/** A map link for a shared location, built from numbers only. */
export function mapUrl(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}
