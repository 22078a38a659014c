import { ConversationTypingRequestSchema, ConversationTypingResponseSchema } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import type { WidgetPush } from "./widget-push.ts";

export interface AgentTypingDeps extends Reads {
  widgetPush: WidgetPush;
}

/**
 * An agent typing a reply in a web chat conversation: the visitor's widget shows "<name> is
 * typing…". The PWA sends this at most every few seconds while keys are pressed, and `false`
 * when the agent stops or sends; the widget also stops showing it on its own after a few seconds.
 * Nothing is stored: it is a passing signal to the visitor's open sockets.
 */
export function registerAgentTypingRoutes(api: ApiRegistry, core: AgentTypingDeps): void {
  api.userRoute(
    {
      method: "post",
      path: "/api/conversations/:id/typing",
      summary: "Tell a web chat visitor that you are typing a reply (or stopped); other channels ignore it",
      tag: "conversations",
      access: { permission: "reply" },
      body: ConversationTypingRequestSchema,
      response: ConversationTypingResponseSchema,
      bodyLimit: 1024,
    },
    async ({ user, params, body }) => {
      const row = await conversationForUser(core, user, params.id!);
      if (row.channel !== "webchat" || !row.visitorId) return { relayed: false };
      await core.widgetPush.signal(row.visitorId, { type: "typing", typing: body.typing, name: user.name });
      return { relayed: true };
    },
  );
}
