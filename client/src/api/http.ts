/**
 * The one place the app makes HTTP requests. Every response is validated with the shared zod
 * schemas so a server/client mismatch fails loudly here, not as `undefined` deep in the UI, and
 * every failure becomes an ApiError whose `message` can be shown to the user as is.
 */
import { onDemand } from "../ui/on-demand.ts";
import type { ErrorCode } from "@inbox/shared";
import { ApiErrorMini } from "@inbox/shared/mini/index";
import type { z } from "zod";
import { httpWords as t } from "./error-words.ts";
import type { ReasonWords } from "./reason-words.ts";

/** Server error codes, plus the two failures that never reach the server or come back garbled. */
export type ApiErrorCode = ErrorCode | "network" | "bad_response";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Any failure as an ApiError: unexpected ones get a sentence a person can act on. */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError("internal", t("somethingWrong"), 0);
}

/** The words for a request that never reached the server, in the user's language. */
export const networkMessage = (): string => t("network");

/** Words for a failed response whose body is not the contract's error shape (e.g. a proxy's 502). */
function fallbackMessage(status: number): string {
  if (status === 401) return t("signInAgain");
  if (status === 403) return t("noAccess");
  if (status === 404) return t("notFound");
  if (status === 429) return t("tooMany");
  if (status >= 500) return t("serverProblem");
  return t("somethingWrong");
}

const reasonWording = onDemand(() => import("./reason-words.ts").then((m) => m.reasonWords));

/** Every reason code's sentence (reason-words.ts), a chunk of its own loaded with the first refusal (issue 17). */
export function loadReasonWords(): Promise<ReasonWords> {
  return reasonWording.load();
}

/** Turns a failed response's status and body text into an ApiError. */
export async function errorFromResponse(status: number, bodyText: string): Promise<ApiError> {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  // zod/mini's twin of ApiErrorSchema: every request passes here, the first screen's too (issue 17).
  const parsed = ApiErrorMini.safeParse(json);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    // A reason code is worded in the user's language; otherwise (or with the words' chunk out of
    // reach) the server's sentence stands.
    const reasonWords = fields?.reason ? await loadReasonWords().catch(() => null) : null;
    return new ApiError(code, reasonWords?.(fields) ?? (message || fallbackMessage(status)), status, fields);
  }
  const code: ApiErrorCode = status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : status === 404 ? "not_found" : status >= 500 ? "internal" : "bad_request";
  return new ApiError(code, fallbackMessage(status), status);
}

export interface RequestOptions<T> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Validates the JSON response; omit for endpoints that answer 204. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

/** Listeners told when the session is gone, so the app can drop to the sign-in screen. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Listeners told when the server holds this session at two-factor enrolment (the workspace requires it). */
const enrolmentListeners = new Set<() => void>();
export function onTwoFactorRequired(listener: () => void): () => void {
  enrolmentListeners.add(listener);
  return () => enrolmentListeners.delete(listener);
}

/** Listeners told when the server closed a room this user may no longer see: their role or teams may have changed. */
const accessListeners = new Set<() => void>();
export function onAccessChanged(listener: () => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

export function reportAccessChanged(): void {
  for (const l of accessListeners) l();
}

/** The session is gone, as something other than a request found out (a live room's close code). */
export function reportUnauthenticated(): void {
  for (const l of unauthenticatedListeners) l();
}

export async function request<T = undefined>(path: string, opts: RequestOptions<T> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      // The session is an HttpOnly cookie; never send it anywhere but our own origin.
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError("network", networkMessage(), 0);
  }
  const text = await res.text().catch(() => "");
  if (!res.ok) {
    const error = await errorFromResponse(res.status, text);
    // A wrong password is also a 401; only an expired or missing session signs the user out.
    if (error.code === "unauthenticated") reportUnauthenticated();
    if (error.code === "two_factor_required") for (const l of enrolmentListeners) l();
    throw error;
  }
  if (!opts.schema) return undefined as T;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError("bad_response", "The server sent an answer the app can't read.", res.status);
  }
  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Response of ${path} does not match the contract`, parsed.error.issues);
    throw new ApiError("bad_response", "The server sent an answer the app can't read.", res.status);
  }
  return parsed.data;
}
