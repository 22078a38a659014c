import type { Context } from "hono";
import type { z } from "zod";
import { HttpError } from "./http-error.ts";

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Reads the raw body, refusing bodies over `limit` bytes before buffering all of them. */
export async function readRawBody(c: Context, limit = DEFAULT_BODY_LIMIT): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, "payload_too_large", `The request is too large (limit ${Math.round(limit / 1024)} KB).`);
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
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

/** Turns zod issues into `path → message` for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "(body)";
    fields[path] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError): HttpError {
  const fields = fieldErrors(error);
  const summary = Object.entries(fields)
    .map(([path, msg]) => `${path}: ${msg}`)
    .join("; ");
  return new HttpError(400, "validation_failed", `Some fields are not valid: ${summary}`, fields);
}

const JSON_TYPE_RE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const notJson = () =>
  new HttpError(415, "unsupported_media_type", "The request body must be JSON, sent with the header Content-Type: application/json.");

/**
 * JSON body → validated value, or a 4xx that says what is wrong. The body must say it is JSON:
 * a form or text/plain body is what another site's page can send without asking (CSRF).
 */
export async function readJson<T>(c: Context, schema: z.ZodType<T>, limit = DEFAULT_BODY_LIMIT): Promise<T> {
  const type = c.req.header("content-type");
  if (type !== undefined && !JSON_TYPE_RE.test(type)) throw notJson();
  const raw = await readRawBody(c, limit);
  if (type === undefined && raw.byteLength > 0) throw notJson();
  let parsed: unknown;
  try {
    parsed = raw.byteLength === 0 ? {} : JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
