import type { Message } from "@inbox/shared";
import { eq } from "drizzle-orm";
import type { Caches } from "../db/caches.ts";
import type { Reads } from "../db/record.ts";
import { conversations } from "../db/schema.ts";
import type { VisitorPusher } from "../rooms/publish.ts";
import { toWidgetMessage } from "./widget-view.ts";
import type { WidgetPush } from "./widget-push.ts";

export interface VisitorPushDeps extends Reads {
  caches: Pick<Caches, "conversationVisitors">;
  widgetPush: WidgetPush;
}

/**
 * Sends a web chat conversation's messages to its own visitor's widget sockets (never to the
 * contact's: after a merge one contact may be several visitors, each seeing only their chats).
 * A conversation's visitor never changes, so it is cached; while it is being looked up, later
 * messages of the conversation wait behind it and keep their order.
 */
export class VisitorPush implements VisitorPusher {
  /** Per conversation, the push waiting for its visitor to be looked up. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly deps: VisitorPushDeps) {}

  push(conversationId: string, messages: Message[]): void {
    if (messages.length === 0) return;
    const known = this.deps.caches.conversationVisitors.get(conversationId);
    const waiting = this.chains.get(conversationId);
    if (known !== undefined && !waiting) return this.send(known, messages);
    const next = (waiting ?? Promise.resolve())
      .then(() => this.visitorOf(conversationId))
      .then((visitorId) => this.send(visitorId, messages))
      .catch((err) => console.error(`could not push to the visitor of conversation ${conversationId}`, err));
    this.chains.set(conversationId, next);
    void next.then(() => {
      if (this.chains.get(conversationId) === next) this.chains.delete(conversationId);
    });
  }

  /** Tells the cache a conversation's visitor when it is known anyway (ingest has the row). */
  remember(conversationId: string, visitorId: string | null): void {
    this.deps.caches.conversationVisitors.set(conversationId, visitorId ?? "");
  }

  private async visitorOf(conversationId: string): Promise<string> {
    const { db, caches } = this.deps;
    return (
      (await caches.conversationVisitors.getOrLoad(conversationId, async () => {
        const [row] = await db.select({ visitorId: conversations.visitorId }).from(conversations).where(eq(conversations.id, conversationId));
        return row ? (row.visitorId ?? "") : undefined;
      })) ?? ""
    );
  }

  private send(visitorId: string, messages: Message[]): void {
    if (!visitorId) return;
    for (const m of messages) void this.deps.widgetPush.push(visitorId, toWidgetMessage(m));
  }
}
