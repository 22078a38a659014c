/**
 * The REST commands and queries of docs/API-CONTRACT.md, one typed function each. Reads of live
 * state (the conversation list, a timeline) come from the Yjs rooms in ../sync instead; these
 * are for commands, for first paint before a room has synced, and for data no room carries.
 */
import {
  ContactDetailResponseSchema,
  ConversationDetailResponseSchema,
  ConversationListResponseSchema,
  ConversationResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  MessageResponseSchema,
  UserListResponseSchema,
  type ConversationStatus,
  type ListFilter,
  type LoginRequest,
  type SendReplyRequest,
} from "@inbox/shared";
import { request } from "./http.ts";

const conv = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const api = {
  login: (body: LoginRequest) => request("/api/auth/login", { body, schema: LoginResponseSchema }),
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
};
