import {
  AssigneeLoadResponseSchema,
  AssignRequestSchema,
  ContactDetailResponseSchema,
  ConversationDetailResponseSchema,
  ConversationListQuerySchema,
  ConversationListResponseSchema,
  ConversationResponseSchema,
  MessageResponseSchema,
  PriorityRequestSchema,
  SendReplyRequestSchema,
  StatusRequestSchema,
  canSeeConversation,
  matchesFilter,
  seesAllTeams,
} from "@inbox/shared";
import { and, desc, eq } from "drizzle-orm";
import type { CommandsDeps } from "./commands.ts";
import { conversations } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { notFound } from "../http/http-error.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import {
  assignConversation,
  markConversationRead,
  setConversationPriority,
  setConversationStatus,
} from "./conversation-commands.ts";
import { conversationsOfTeams, getInboxRow, loadContact, recentMessages, toConversation, toInbox } from "../db/read-model.ts";
import { sendAgentReply } from "../messages/index.ts";
import { loadContactRow } from "../contacts/index.ts";
import { assigneeLoads } from "./assignee-loads.ts";

/** The routes need the commands' parts, and routing's presence for the picker's availability. */
export type ConversationRoutesDeps = CommandsDeps & { router: CommandsDeps["router"] & { presence: { isOnline(lastSeenAt: number | null): boolean } } };

export function registerConversationRoutes(api: ApiRegistry, core: ConversationRoutesDeps): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/conversations",
      summary: "Conversations the caller may see, newest activity first",
      tag: "conversations",
      access: "user",
      query: ConversationListQuerySchema,
      response: ConversationListResponseSchema,
    },
    async ({ user, query }) => {
      const all = await conversationsOfTeams(core.db, user.workspaceId, seesAllTeams(user) ? "all" : user.teamIds, 5000);
      const list = all
        .filter((c) => canSeeConversation(user, c) && matchesFilter(c, query.filter, user.id) && (!query.status || c.status === query.status))
        .slice(0, query.limit);
      return { conversations: list };
    },
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/conversations/:id",
      summary: "One conversation with its contact, inbox and latest messages",
      tag: "conversations",
      access: "user",
      response: ConversationDetailResponseSchema,
    },
    async ({ user, params }) => {
      const row = await conversationForUser(core, user, params.id!);
      const [contact, inbox, messages] = await Promise.all([
        loadContact(core.db, row.contactId),
        getInboxRow(core.db, row.inboxId),
        recentMessages(core.db, row.id),
      ]);
      return { conversation: toConversation(row), contact: contact!, inbox: toInbox(inbox!), messages };
    },
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/conversations/:id/messages",
      summary: "Reply to the customer (idempotent on clientId)",
      tag: "conversations",
      access: { permission: "reply" },
      body: SendReplyRequestSchema,
      response: MessageResponseSchema,
      status: 201,
    },
    async ({ c, user, params, body }) => {
      const result = await sendAgentReply(core, user, params.id!, { clientId: body.clientId, content: { kind: "text", text: body.text } });
      return c.json({ message: result.message }, result.duplicate ? 200 : 201);
    },
  );

  api.userRoute(
    { method: "post", path: "/api/conversations/:id/read", summary: "Mark the customer's messages read", tag: "conversations", access: "user", response: ConversationResponseSchema },
    async ({ user, params }) => ({ conversation: await markConversationRead(core, user, params.id!) }),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/conversations/:id/assign",
      summary: "Assign to a person (agents: only themselves) or unassign",
      tag: "conversations",
      access: "user",
      body: AssignRequestSchema,
      response: ConversationResponseSchema,
    },
    async ({ user, params, body }) => ({
      conversation: await assignConversation(core, user, params.id!, body.assigneeId, { reason: body.reason, override: body.override, expectedAssigneeId: body.expectedAssigneeId }),
    }),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/conversations/:id/status",
      summary: "Open, pend, snooze until a time, or resolve",
      tag: "conversations",
      access: "user",
      body: StatusRequestSchema,
      response: ConversationResponseSchema,
    },
    async ({ user, params, body }) => ({ conversation: await setConversationStatus(core, user, params.id!, body.status, body.snoozedUntil) }),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/conversations/:id/priority",
      summary: "Set the priority",
      tag: "conversations",
      access: "user",
      body: PriorityRequestSchema,
      response: ConversationResponseSchema,
    },
    async ({ user, params, body }) => ({ conversation: await setConversationPriority(core, user, params.id!, body.priority) }),
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/assignees/load",
      summary: "Supervision: each person of the teams the caller oversees, with their open chats against their capacity",
      tag: "conversations",
      access: { permission: "supervise" },
      response: AssigneeLoadResponseSchema,
    },
    async ({ user }) => ({ loads: await assigneeLoads({ db: core.db, isOnline: (at) => core.router.presence.isOnline(at) }, user) }),
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/contacts/:id",
      summary: "A contact with their identities and the conversations the caller may see; a merged contact's id answers the contact it became",
      tag: "contacts",
      access: "user",
      response: ContactDetailResponseSchema,
    },
    async ({ user, params }) => {
      // A device may still hold a merged contact's id: answer the kept contact (whose id differs).
      const kept = await loadContactRow(core, user.workspaceId, params.id!);
      const contact = kept && (await loadContact(core.db, kept.id));
      if (!contact || contact.workspaceId !== user.workspaceId) throw notFound("contact");
      const rows = await core.db
        .select()
        .from(conversations)
        .where(and(eq(conversations.contactId, contact.id), eq(conversations.workspaceId, user.workspaceId)))
        .orderBy(desc(conversations.lastActivityAt));
      const visible = rows.filter((r) => canSeeConversation(user, r));
      // A contact is visible only through a conversation the caller may see.
      if (visible.length === 0) throw notFound("contact");
      return { contact, conversations: visible.map(toConversation) };
    },
  );
}
