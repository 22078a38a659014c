import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { reasonFields, reasonSentence, type ApiError, type ErrorCode, type NotFoundThing, type ReasonCode, type ReasonParams } from "@inbox/shared";

/** The one error type routes throw; `message` is shown to the user as is. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Extra response headers, e.g. `Retry-After` with a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * A refusal with a reason code (shared/src/api/reasons.ts): the PWA words it in the user's
 * language from the code and parameters; `message` is the English sentence for everyone else.
 */
export function refused(status: ContentfulStatusCode, code: ErrorCode, reason: ReasonCode, params?: ReasonParams, headers?: Record<string, string>): HttpError {
  return new HttpError(status, code, reasonSentence(reason, params), reasonFields(reason, params), headers);
}

/** A refusal with a reason code that also names the form fields at fault (`path → message`). */
export function refusedWithFields(status: ContentfulStatusCode, code: ErrorCode, reason: ReasonCode, params: ReasonParams, fields: Record<string, string>): HttpError {
  return new HttpError(status, code, reasonSentence(reason, params), { ...fields, ...reasonFields(reason, params) });
}

export const forbiddenBecause = (reason: ReasonCode, params?: ReasonParams) => refused(403, "forbidden", reason, params);

/** Something the PWA asked for by id is not there: worded from its `not_found_<thing>` code. */
export const notFound = (thing: NotFoundThing) => refused(404, "not_found", `not_found_${thing}`);
/**
 * For callers that are not the PWA (platforms' webhooks, the widget, the simulator's page), which
 * word a 404 by its error code or show no words at all.
 */
export const notFoundSaying = (what: string) => new HttpError(404, "not_found", `${what} was not found.`);

/** The one onError hook: known errors become their JSON shape, anything else a logged 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof HttpError) {
    // The unread rest of an oversized body would be parsed as the next request: drop the connection.
    if (err.status === 413) c.header("Connection", "close");
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    const body: ApiError = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
    return c.json(body, err.status);
  }
  console.error("unhandled error", c.req.method, c.req.path, err);
  const body: ApiError = { error: { code: "internal", message: "Something went wrong on the server. Please try again." } };
  return c.json(body, 500);
}
