import { WidgetFrameSchema, type WidgetFrame, type WidgetMessage } from "@inbox/shared";
import type { Core } from "../core.ts";
import { MAX_WIDGET_FRAME_BYTES } from "../widget/index.ts";
import { handleVisitorFrame } from "../widget/index.ts";
import { widgetMessagePrep } from "../widget/index.ts";
import { tooManySockets } from "../widget/index.ts";
import { webchatInbox, type Visitor } from "../widget/index.ts";
import { closeInReply, newWebSocketPair, upgradeResponse, type CfWebSocket, type DurableObjectState } from "./cf-types.ts";
import type { Env } from "./env.ts";
import { readSocketGrant } from "./internal.ts";
import { ownCoreOf } from "./worker-core.ts";

/** Who a widget socket belongs to, as the Worker checked it (kept on the socket across hibernation). */
export interface VisitorGrant {
  contactId: string;
  visitorId: string;
  sessionHash: string;
  name: string;
  inboxId: string;
}

/**
 * A web chat visitor's live sockets (`idFromName("widget.<visitorId>")`), hibernatable: replies
 * pushed by the core go down as `message` frames, in order; frames the visitor sends go through
 * the same `handleVisitorFrame` as on Node. At most `socketsPerVisitor` sockets. Its core counts
 * the stored webhook backlog (see ownCoreOf), so an overloaded deployment answers a message sent
 * on the socket "busy" like the HTTP route does, and the widget sends it again later.
 */
export class VisitorObject {
  /** Frames wait here while a message is prepared (signed media links), so they keep their order. */
  private queue: Promise<void> = Promise.resolve();

  /** This object's own core (see ownCoreOf). */
  private readonly ownCore: () => Promise<Core>;

  constructor(
    private readonly state: DurableObjectState,
    private readonly env: Env,
  ) {
    this.ownCore = ownCoreOf(env, { admits: true });
  }

  async fetch(request: Request): Promise<Response> {
    const core = await this.ownCore();
    const path = new URL(request.url).pathname;
    if (path === "/push" && request.method === "POST") {
      const message = (await request.json()) as WidgetMessage;
      const sent = this.queue.then(() => this.deliver(core, message));
      this.queue = sent.then(() => undefined);
      return Response.json({ sent: await sent });
    }
    if (path === "/signal" && request.method === "POST") {
      // A typing signal: to every socket now, not behind messages waiting for their links.
      const frame = WidgetFrameSchema.safeParse(await request.json());
      if (frame.success && frame.data.type === "typing") {
        const text = JSON.stringify(frame.data);
        for (const ws of this.state.getWebSockets()) {
          try {
            ws.send(text);
          } catch {
            // closed meanwhile
          }
        }
      }
      return new Response(null, { status: 204 });
    }
    if (path === "/socket") {
      const grant = readSocketGrant<VisitorGrant>(request);
      if (!grant) return new Response("bad grant", { status: 400 });
      if (this.state.getWebSockets().length >= core.widgetLimits.socketsPerVisitor) {
        const refused = tooManySockets();
        return Response.json({ error: { code: refused.code, message: refused.message } }, { status: refused.status });
      }
      const pair = newWebSocketPair();
      this.state.acceptWebSocket(pair[1]);
      pair[1].serializeAttachment(grant);
      pair[1].send(JSON.stringify({ type: "ready" } satisfies WidgetFrame));
      return upgradeResponse(pair[0]);
    }
    return new Response("not found", { status: 404 });
  }

  async webSocketMessage(ws: CfWebSocket, data: string | ArrayBuffer): Promise<void> {
    // The platform takes frames up to 32 MiB (not configurable): the size is checked before
    // anything is read or parsed. (`length` counts UTF-16 units, never more than the bytes.)
    if ((typeof data === "string" ? data.length : data.byteLength) > MAX_WIDGET_FRAME_BYTES) {
      ws.close(1009, "Message too large");
      return;
    }
    const core = await this.ownCore();
    const grant = ws.deserializeAttachment() as VisitorGrant;
    let visitor: Visitor;
    try {
      visitor = { contactId: grant.contactId, visitorId: grant.visitorId, sessionHash: grant.sessionHash, name: grant.name, inbox: await webchatInbox(core, grant.inboxId) };
    } catch {
      ws.send(JSON.stringify({ type: "error", clientId: null, code: "not_found", message: "This chat is no longer available." } satisfies WidgetFrame));
      return;
    }
    await handleVisitorFrame(core, visitor, data, (frame) => ws.send(JSON.stringify(frame)));
  }

  async webSocketClose(ws: CfWebSocket, code: number): Promise<void> {
    closeInReply(ws, code);
  }

  private async deliver(core: Core, message: WidgetMessage): Promise<number> {
    const sockets = this.state.getWebSockets();
    if (sockets.length === 0) return 0;
    const prep = widgetMessagePrep(core.secrets, core.now);
    // Unprepared is still better than lost: the widget then shows the file as unavailable.
    const ready = prep.needed(message) ? await prep.prepare(message).catch(() => message) : message;
    const frame = JSON.stringify({ type: "message", message: ready } satisfies WidgetFrame);
    let sent = 0;
    for (const ws of sockets) {
      try {
        ws.send(frame);
        sent++;
      } catch {
        // closed meanwhile; the widget fetches its history when it reconnects
      }
    }
    return sent;
  }
}
