import type { Message } from "@inbox/shared";
import type { Core } from "../core.ts";
import { conversations } from "../db/schema.ts";
import { eq } from "drizzle-orm";
import { toWidgetMessage } from "./widget-view.ts";

/**
 * Sends a web chat conversation's messages to its own visitor's widget sockets (never to the
 * contact's: after a merge one contact may be several visitors, each seeing only their chats).
 * A conversation's visitor never changes, so it is cached; while it is being looked up, later
 * messages of the conversation wait behind it and keep their order.
 */
export function pushToVisitor(core: Core, conversationId: string, messages: Message[]): void {
  if (messages.length === 0) return;
  const known = core.caches.conversationVisitors.get(conversationId);
  const waiting = chains.get(core)?.get(conversationId);
  if (known !== undefined && !waiting) return send(core, known, messages);
  let byConversation = chains.get(core);
  if (!byConversation) chains.set(core, (byConversation = new Map()));
  const next = (waiting ?? Promise.resolve())
    .then(() => visitorOf(core, conversationId))
    .then((visitorId) => send(core, visitorId, messages))
    .catch((err) => console.error(`could not push to the visitor of conversation ${conversationId}`, err));
  byConversation.set(conversationId, next);
  void next.then(() => {
    if (byConversation.get(conversationId) === next) byConversation.delete(conversationId);
  });
}

/** Tells the cache a conversation's visitor when it is known anyway (ingest has the row). */
export function rememberVisitor(core: Core, conversationId: string, visitorId: string | null): void {
  core.caches.conversationVisitors.set(conversationId, visitorId ?? "");
}

const chains = new WeakMap<Core, Map<string, Promise<void>>>();

async function visitorOf(core: Core, conversationId: string): Promise<string> {
  return (
    (await core.caches.conversationVisitors.getOrLoad(conversationId, async () => {
      const [row] = await core.db.select({ visitorId: conversations.visitorId }).from(conversations).where(eq(conversations.id, conversationId));
      return row ? (row.visitorId ?? "") : undefined;
    })) ?? ""
  );
}

function send(core: Core, visitorId: string, messages: Message[]): void {
  if (!visitorId) return;
  for (const m of messages) void core.widgetPush.push(visitorId, toWidgetMessage(m));
}
