import { retryAfterMs } from "@inbox/shared/protocol/retry-after";
import type { z } from "zod";
import { ApiErrorSchema } from "@inbox/shared/api/errors";
import {
  WidgetConfigResponseSchema,
  WidgetEmailResponseSchema,
  WidgetLeaveMessageResponseSchema,
  WidgetLiveTicketResponseSchema,
  WidgetMessageResponseSchema,
  WidgetMessagesResponseSchema,
  WidgetSessionResponseSchema,
  type WidgetConfigResponse,
  type WidgetLeaveMessageRequest,
  type WidgetLeaveMessageResponse,
  type WidgetLiveTicketResponse,
  type WidgetMessage,
  type WidgetSendRequest,
  type WidgetSessionResponse,
} from "@inbox/shared/api/widget";

/** The server answered with an error status; `message` is written for the customer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** The server's Retry-After (a 503 while it is overloaded, a 429), in ms: try again no sooner. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The request never got an answer (offline, DNS, timeout, CORS): safe to retry. */
export class NetworkError extends Error {
  constructor(message = "Network error") {
    super(message);
    this.name = "NetworkError";
  }
}

/** Worth trying again later with the same request (and the same clientId). */
export function isRetryable(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  if (err instanceof ApiError) return err.status >= 500 || err.status === 408 || err.status === 429;
  return false;
}

/** The session token is no longer accepted: the conversation must start over. */
export function isSessionGone(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.status === 403);
}

const FALLBACK: Record<number, string> = {
  400: "That didn't work. Please check and try again.",
  401: "Your chat session has expired.",
  403: "You can't do that here.",
  404: "This chat could not be found.",
  413: "That message is too long.",
  429: "You're sending messages too fast. Please wait a moment.",
  503: "We're very busy right now. Your message will be sent in a moment.",
};


export { retryAfterMs };

export interface WidgetApi {
  getConfig(): Promise<WidgetConfigResponse>;
  createSession(body: { name?: string; email?: string }): Promise<WidgetSessionResponse>;
  getMessages(token: string): Promise<WidgetMessage[]>;
  sendMessage(token: string, body: WidgetSendRequest): Promise<WidgetMessage>;
  /** A one-minute ticket that opens the live socket (a browser socket can't send the token). */
  getLiveTicket(token: string): Promise<WidgetLiveTicketResponse>;
  /** "Leave a message" (closed, or nobody available): a conversation once per `clientId`, and a session for its visitor. */
  leaveMessage(body: WidgetLeaveMessageRequest): Promise<WidgetLeaveMessageResponse>;
  /** The visitor's email, so the reply can reach them after they go. */
  saveEmail(token: string, email: string): Promise<void>;
}

export interface ApiOptions {
  origin: string;
  inboxId: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createApi({ origin, inboxId, fetch: fetchImpl, timeoutMs = 15_000 }: ApiOptions): WidgetApi {
  const doFetch: typeof fetch = fetchImpl ?? ((input, init) => fetch(input, init));
  const base = `${origin}/api/widget/${encodeURIComponent(inboxId)}`;

  async function request<S extends z.ZodType>(
    schema: S,
    path: string,
    init: { method?: string; token?: string; body?: unknown } = {},
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : null;
    let res: Response;
    let data: unknown;
    try {
      res = await doFetch(base + path, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: "omit",
        signal: controller?.signal,
      });
      const text = await res.text();
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        data = undefined;
      }
    } catch (err) {
      throw new NetworkError(err instanceof Error ? err.message : String(err));
    } finally {
      if (timer) clearTimeout(timer);
    }
    if (!res.ok) {
      const wait = retryAfterMs(res.headers.get("retry-after"));
      const parsed = ApiErrorSchema.safeParse(data);
      if (parsed.success) {
        const { code, message, fields } = parsed.data.error;
        throw new ApiError(res.status, code, message, fields, wait);
      }
      const message = FALLBACK[res.status] ?? "Something went wrong. Please try again.";
      throw new ApiError(res.status, res.status >= 500 ? "internal" : "bad_request", message, undefined, wait);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new ApiError(res.status, "internal", "Something went wrong. Please try again.");
    }
    return parsed.data;
  }

  return {
    getConfig: () => request(WidgetConfigResponseSchema, "/config"),
    createSession: (body) => request(WidgetSessionResponseSchema, "/sessions", { method: "POST", body }),
    getMessages: async (token) => (await request(WidgetMessagesResponseSchema, "/messages", { token })).messages,
    sendMessage: async (token, body) =>
      (await request(WidgetMessageResponseSchema, "/messages", { method: "POST", token, body })).message,
    getLiveTicket: (token) => request(WidgetLiveTicketResponseSchema, "/live-tickets", { method: "POST", token }),
    leaveMessage: (body) => request(WidgetLeaveMessageResponseSchema, "/leave-message", { method: "POST", body }),
    saveEmail: async (token, email) => void (await request(WidgetEmailResponseSchema, "/email", { method: "POST", token, body: { email } })),
  };
}

/** `ws(s)://HOST/api/widget/<inboxId>/live?ticket=...` for a server at `origin` (never the session token). */
export function liveUrl(origin: string, inboxId: string, ticket: string): string {
  const url = new URL(`/api/widget/${encodeURIComponent(inboxId)}/live`, origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("ticket", ticket);
  return url.toString();
}

/** The server origin, from the widget script's own src (resolved against the page). */
export function serverOrigin(scriptSrc: string, pageUrl: string): string {
  return new URL(scriptSrc, pageUrl).origin;
}
