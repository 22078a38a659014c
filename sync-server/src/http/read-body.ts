import type { Context } from "hono";
import type { z } from "zod";
import { FIELD_ISSUES_PARAM, reasonFields, type FieldIssue } from "@inbox/shared";
import { describeIssue } from "./field-issues.ts";
import { HttpError, refused } from "./http-error.ts";
import type { AppEnv } from "./app-env.ts";

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Reads the raw body, refusing bodies over `limit` bytes before buffering all of them. From the
 * runtime's own stream when the app was given one (AppDeps.bodyStream), else the WHATWG body.
 */
export async function readRawBody(c: Context<AppEnv>, limit = DEFAULT_BODY_LIMIT): Promise<Uint8Array> {
  const tooLarge = () => refused(413, "payload_too_large", "body_too_large", { kb: String(Math.round(limit / 1024)) });
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  // The WHATWG body only where the runtime has no stream of its own: on Node, touching it builds the Request.
  const source = c.var.bodyStream?.(c) ?? webChunks(c.req.raw.body);
  if (!source) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early (too large) destroys the runtime's stream or cancels the web reader.
  for await (const value of source) {
    size += value.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** A web body's chunks (none: no body); a caller that stops early cancels the reader. */
function webChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> | null {
  return body && chunksOf(body.getReader());
}

async function* chunksOf(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel();
  }
}

/** Turns zod issues into `path → message` for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "(body)";
    fields[path] ??= issue.message;
  }
  return fields;
}

/** Each failing path's first issue without words (shared/src/api/field-issues.ts), as the refusal's parameter. */
function fieldIssues(error: z.ZodError, input: unknown): string {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const described = describeIssue(issue, input);
    if (seen.has(described.path)) continue;
    seen.add(described.path);
    issues.push(described);
  }
  return JSON.stringify(issues);
}

/** `input`: what was parsed, so a field nobody sent is told apart from one of the wrong type. */
export function validationError(error: z.ZodError, input?: unknown): HttpError {
  const fields = fieldErrors(error);
  const summary = Object.entries(fields)
    .map(([path, msg]) => `${path}: ${msg}`)
    .join("; ");
  // The fields name what is wrong, for forms; the code beside them lets the PWA word it in the
  // user's language, each path from its issue's code and values (the English summary stays for
  // other callers). A body with a field of one of these names keeps its field's message there instead.
  const clash = "reason" in fields || "fields_summary" in fields || FIELD_ISSUES_PARAM in fields;
  const params = { fields_summary: summary, [FIELD_ISSUES_PARAM]: fieldIssues(error, input) };
  return new HttpError(400, "validation_failed", `Some fields are not valid: ${summary}`, clash ? fields : { ...fields, ...reasonFields("fields_invalid", params) });
}

const JSON_TYPE_RE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const notJson = () =>
  refused(415, "unsupported_media_type", "body_not_json_type");

/**
 * JSON body → validated value, or a 4xx that says what is wrong. The body must say it is JSON:
 * a form or text/plain body is what another site's page can send without asking (CSRF).
 */
export async function readJson<T>(c: Context<AppEnv>, schema: z.ZodType<T>, limit = DEFAULT_BODY_LIMIT): Promise<T> {
  const type = c.req.header("content-type");
  if (type !== undefined && !JSON_TYPE_RE.test(type)) throw notJson();
  const raw = await readRawBody(c, limit);
  if (type === undefined && raw.byteLength > 0) throw notJson();
  let parsed: unknown;
  try {
    parsed = raw.byteLength === 0 ? {} : JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw refused(400, "invalid_json", "body_not_json");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw validationError(result.error, parsed);
  return result.data;
}
