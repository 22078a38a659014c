import type { WidgetFrame, WidgetMessage } from "@inbox/shared";
import { hasMediaUrl, signWidgetMedia } from "../media/media-links.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { WidgetMessagePrep } from "./widget-hub.ts";

/**
 * Where the core sends a message to a visitor's open widget sockets (an agent's reply, a status
 * change). Fire-and-forget: the widget fetches its history when it (re)connects. The message is
 * as stored; the implementation readies it for the visitor (`widgetMessagePrep`: signed media
 * links) and sends it as a `{type:"message"}` frame, in order per visitor.
 */
export interface WidgetPush {
  /**
   * Returns how many of the visitor's sockets get the message (the web chat channel reports
   * "delivered" when one does); may resolve later, and never rejects (an unreachable socket
   * counts as 0).
   */
  push(visitorId: string, message: WidgetMessage): number | Promise<number>;
  /**
   * A passing signal (an agent typing) to the visitor's open sockets; nothing is kept, and a
   * visitor with none open misses it. Never rejects.
   */
  signal(visitorId: string, frame: Extract<WidgetFrame, { type: "typing" }>): void | Promise<void>;
}

/** Visitors have no session: attachments reach their widget as links signed for them. */
export function widgetMessagePrep(secrets: SecretBox, now: () => number): WidgetMessagePrep {
  return { needed: hasMediaUrl, prepare: (m) => signWidgetMedia(secrets, m, now()) };
}
