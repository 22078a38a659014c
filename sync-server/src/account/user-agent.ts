import Bowser from "bowser";

/**
 * A device in words for the devices list ("Chrome", "Linux"), from what the browser said it is.
 * Bowser (a small, well-kept parser) reads it; the user agent is a hint, never trusted.
 */
export function describeUserAgent(userAgent: string | null): { browser: string | null; os: string | null } {
  if (!userAgent) return { browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  return { browser: parsed.browser.name || null, os: parsed.os.name || null };
}
