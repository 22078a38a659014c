import { WidgetClientFrameSchema, type WidgetFrame } from "@inbox/shared";
import { receiveVisitorMessage, type VisitorDeps } from "./visitor-messages.ts";
import { visitorTyping } from "./visitor-typing.ts";
import { HttpError } from "../http/http-error.ts";
import type { Visitor } from "./widget-sessions.ts";

/**
 * One frame from a visitor's live socket. Every message is answered on the socket (ack or a
 * readable error); a typing signal is not answered. Nothing thrown here closes the socket.
 */
export async function handleVisitorFrame(core: VisitorDeps, visitor: Visitor, data: unknown, reply: (frame: WidgetFrame) => void): Promise<void> {
  let clientId: string | null = null;
  try {
    if (typeof data !== "string" || data.length > 16 * 1024) {
      throw new HttpError(400, "bad_request", "That message could not be read. Please try again.");
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw new HttpError(400, "invalid_json", "That message could not be read. Please try again.");
    }
    const parsed = WidgetClientFrameSchema.safeParse(json);
    clientId = typeof (json as { clientId?: unknown })?.clientId === "string" ? (json as { clientId: string }).clientId : null;
    if (!parsed.success) throw new HttpError(400, "validation_failed", parsed.error.issues[0]?.message ?? "That message is not valid.");
    const frame = parsed.data;
    if (frame.type === "typing") return await visitorTyping(core, visitor, frame.typing);
    const { message } = await receiveVisitorMessage(core, visitor, frame.clientId, frame.text, frame.choiceId);
    reply({ type: "ack", clientId: frame.clientId, message });
  } catch (err) {
    if (err instanceof HttpError) return reply({ type: "error", clientId, code: err.code, message: err.message });
    console.error("widget socket frame failed", err);
    reply({ type: "error", clientId, code: "internal", message: "Your message could not be sent. Please try again." });
  }
}
