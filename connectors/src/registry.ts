import type { Connector } from "./connector.ts";

/**
 * Every platform connector, for the runtime entries to hand to the core. Web chat is not here:
 * the core builds it around its own widget hub.
 */
export function platformConnectors(): Connector[] {
  return [];
}
