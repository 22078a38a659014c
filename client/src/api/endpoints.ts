/**
 * The REST commands and queries of docs/API-CONTRACT.md, one typed function each. The inbox
 * renders from the local database (../local), fed by `pull` and the live rooms; the agent's
 * changes go through the outbox as `commands`. The rest is for data no room carries.
 */
import {
  AdminInboxListResponseSchema,
  AdminInboxResponseSchema,
  ChannelWebhookResponseSchema,
  AssigneeLoadResponseSchema,
  CommandsResponseSchema,
  ContactDetailResponseSchema,
  ConversationDetailResponseSchema,
  ConversationListResponseSchema,
  ConversationResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  MessageResponseSchema,
  SignInResponseSchema,
  SyncPullResponseSchema,
  UserListResponseSchema,
  type Command,
  type ConnectInboxRequest,
  type ConversationStatus,
  type ListFilter,
  type LoginRequest,
  type SendReplyRequest,
} from "@inbox/shared";
import { request } from "./http.ts";

const conv = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
const adminInbox = (id: string) => `/api/admin/inboxes/${encodeURIComponent(id)}`;

export const api = {
  /** A session, or (two-factor accounts) a challenge for `loginCode`. */
  login: (body: LoginRequest) => request("/api/auth/login", { body, schema: SignInResponseSchema }),
  loginCode: (challenge: string, code: string) => request("/api/auth/login/2fa", { body: { challenge, code }, schema: LoginResponseSchema }),
  logout: () => request("/api/auth/logout", { method: "POST" }),
  me: () => request("/api/me", { schema: MeResponseSchema }),
  users: () => request("/api/users", { schema: UserListResponseSchema }),

  listConversations: (filter: ListFilter = "all", limit = 500) =>
    request(`/api/conversations?filter=${filter}&limit=${limit}`, { schema: ConversationListResponseSchema }),
  conversation: (id: string) => request(conv(id), { schema: ConversationDetailResponseSchema }),
  sendReply: (id: string, body: SendReplyRequest) =>
    request(`${conv(id)}/messages`, { body, schema: MessageResponseSchema }),
  markRead: (id: string) => request(`${conv(id)}/read`, { method: "POST", schema: ConversationResponseSchema }),
  assign: (id: string, assigneeId: string | null) =>
    request(`${conv(id)}/assign`, { body: { assigneeId }, schema: ConversationResponseSchema }),
  setStatus: (id: string, status: ConversationStatus) =>
    request(`${conv(id)}/status`, { body: { status }, schema: ConversationResponseSchema }),

  contact: (id: string) =>
    request(`/api/contacts/${encodeURIComponent(id)}`, { schema: ContactDetailResponseSchema }),
  /** Offline sync: every change after `cursor` (none: the whole working set), one page. */
  pull: (cursor: string | undefined, limit: number) => {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor !== undefined) q.set("cursor", cursor);
    return request(`/api/sync/pull?${q}`, { schema: SyncPullResponseSchema });
  },
  /** The outbox's commands, in order; one result per command. */
  commands: (commands: Command[]) => request("/api/commands", { body: { commands }, schema: CommandsResponseSchema }),

  // ---------- channel administration (admins only) ----------
  /** Every channel with its state and webhook URL; never its credentials. */
  adminInboxes: () => request("/api/admin/inboxes", { schema: AdminInboxListResponseSchema }),
  /** The server checks the credentials with the platform first; a refusal is a 400 saying why. */
  connectInbox: (body: ConnectInboxRequest) => request("/api/admin/inboxes", { body, schema: AdminInboxResponseSchema }),
  reconnectInbox: (id: string, credentials: Record<string, string>) =>
    request(`${adminInbox(id)}/reconnect`, { body: { credentials }, schema: AdminInboxResponseSchema }),
  setInboxEnabled: (id: string, enabled: boolean) =>
    request(`${adminInbox(id)}/enabled`, { body: { enabled }, schema: AdminInboxResponseSchema }),
  setInboxHumanAgentTag: (id: string, enabled: boolean) =>
    request(`${adminInbox(id)}/human-agent`, { body: { enabled }, schema: AdminInboxResponseSchema }),
  /** What the platform says about the channel's webhook (channels whose webhook the server registers). */
  inboxWebhook: (id: string) => request(`${adminInbox(id)}/webhook`, { schema: ChannelWebhookResponseSchema }),
  registerInboxWebhook: (id: string) => request(`${adminInbox(id)}/webhook`, { method: "POST", schema: ChannelWebhookResponseSchema }),

  // ---------- supervision: bulk actions ----------
  /** The people of the teams the caller oversees, each with their open chats against their capacity. */
  assigneeLoads: () => request("/api/assignees/load", { schema: AssigneeLoadResponseSchema }),
};
