import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REASONS } from "@inbox/shared";

/**
 * Every refusal the PWA can meet reaches a Portuguese user in Portuguese: the server sends a
 * code (shared/src/api/reasons.ts, through `refused`, `forbiddenBecause`, `notFound(thing)`,
 * `refusedWithFields` or `reasonFields`; or a feature's own `reason: "…"` that the PWA's
 * messages word), never only an English sentence. This reads the server's source, so a new
 * `new HttpError(…, "an English sentence")` on a route the PWA calls fails here.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SERVER = join(ROOT, "sync-server/src");
const CLIENT = join(ROOT, "client/src");

/** Callers that are not the PWA, and who words for them instead. */
const NOT_THE_PWA: Record<string, string> = {
  "webhooks/": "platforms' webhook deliveries",
  "simulator/": "the demo's channel simulator page",
  "node/": "the Node runtime adapter",
  "worker/": "the Workers runtime adapter",
  "testing/": "test helpers",
  "http/websocket.ts": "a plain HTTP request to a WebSocket address",
  "http/admission.ts": "overload refusals, only for webhooks and the widget",
  "http/http-error.ts": "`notFoundSaying`'s definition",
  // The web chat widget words refusals by their error code, in English, Portuguese and Spanish (client/widget/i18n.ts errorText).
  "widget/visitor-socket.ts": "the widget",
  "widget/widget-sessions.ts": "the widget",
  "widget/live-tickets.ts": "the widget",
  "widget/widget-limits.ts": "the widget",
  "widget/leave-message.ts": "the widget",
  "widget/visitor-email.ts": "the widget",
  "widget/visitor-messages.ts": "the widget",
};

/** Refusals the PWA words from their error code and fields without a shared reason code. */
const WORDED_FROM_FIELDS: Record<string, string> = {
  "conversations/assignment.ts": "client/src/sync/refusal-words.ts: over_capacity (name, load, capacity) and moved-meanwhile (what, by, to)",
  "ai/ai-tools.ts": "client/src/composer/ai/messages.ts: the AI failure's kind in fields.reason (reason_<kind>)",
  "auth/password-policy.ts": "client/src/profile/messages.ts: reason_password_common, reason_password_personal",
};

/** Still only English: none. A refusal added here must be given a code instead. */
const STILL_ENGLISH: Record<string, number> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The text of each call's arguments, from its opening parenthesis to the matching closing one. */
function callsOf(source: string, callee: RegExp): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(callee)) {
    let depth = 0;
    const start = match.index + match[0].length - 1;
    for (let i = start; i < source.length; i++) {
      if (source[i] === "(") depth++;
      else if (source[i] === ")" && --depth === 0) {
        out.push(source.slice(start + 1, i));
        break;
      }
    }
  }
  return out;
}

const clientText = sourceFiles(CLIENT)
  .map((p) => readFileSync(p, "utf8"))
  .join("\n");
const ptTable = readFileSync(join(CLIENT, "api/reason-words.ts"), "utf8");

describe("refusals the PWA meets carry a code worded in Portuguese", () => {
  const uncoded = new Map<string, string[]>();
  const localCodes = new Map<string, string>();
  for (const path of sourceFiles(SERVER)) {
    const file = relative(SERVER, path);
    if (Object.keys(NOT_THE_PWA).some((prefix) => file.startsWith(prefix))) continue;
    const source = readFileSync(path, "utf8");
    for (const args of [...callsOf(source, /\bnew HttpError\(/g), ...callsOf(source, /\bnotFoundSaying\(/g)]) {
      const literal = /\breason:\s*["'`]([a-z_]+)["'`]/.exec(args)?.[1];
      if (literal) localCodes.set(literal, file);
      else if (!/\breasonFields\(/.test(args)) uncoded.set(file, [...(uncoded.get(file) ?? []), args.replace(/\s+/g, " ").slice(0, 120)]);
    }
  }

  it("no refusal is only an English sentence, except the ones listed as still to do", () => {
    const unexpected = [...uncoded].filter(([file, calls]) => !WORDED_FROM_FIELDS[file] && calls.length > (STILL_ENGLISH[file] ?? 0));
    expect(unexpected.map(([file, calls]) => `${file}: ${calls.join(" | ")}`)).toEqual([]);
  });

  it("the list of refusals still in English only shrinks: one given a code is taken off it", () => {
    const stale = Object.entries(STILL_ENGLISH).filter(([file, count]) => (uncoded.get(file)?.length ?? 0) < count);
    expect(stale).toEqual([]);
  });

  it("every shared reason code has Portuguese words", () => {
    // Worded there, or taken from the schema messages' Portuguese (the same sentence as a schema's).
    const missing = Object.keys(REASONS).filter((code) => !new RegExp(`^\\s+${code}:\\s*\\n?\\s*("[^"]*\\p{L}|SCHEMA_MESSAGES_PT\\.\\w+,)`, "mu").test(ptTable));
    expect(missing).toEqual([]);
  });

  it("a feature's own reason code (`reason: \"…\"`) is worded by the PWA (a `reason_<code>` message)", () => {
    expect(localCodes.size).toBeGreaterThan(5);
    const unworded = [...localCodes].filter(([code]) => !Object.hasOwn(REASONS, code) && !new RegExp(`\\breason_${code}\\s*:`).test(clientText));
    expect(unworded.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });
});
