import { z } from "zod";
import { HttpError } from "../http/http-error.ts";
import { RateLimiter, type RateLimit } from "../lib/rate-limiter.ts";

/**
 * What one anonymous caller may do with the widget API. Real visitors start one chat and type
 * at human speed; these stop one client from filling the contacts list or the inbox.
 */
export interface WidgetLimitOptions {
  /** New chats (each makes a contact) per client address. */
  sessionsPerAddress: RateLimit;
  /** Messages per visitor, by POST and on the live socket together. */
  messagesPerVisitor: RateLimit;
  /** Live sockets one visitor may hold open (a few tabs). */
  socketsPerVisitor: number;
}

export const WIDGET_LIMITS: WidgetLimitOptions = {
  sessionsPerAddress: { burst: 30, refillMs: 20_000 },
  messagesPerVisitor: { burst: 20, refillMs: 1000 },
  socketsPerVisitor: 5,
};

const RateLimitSchema = z.object({ burst: z.number().int().positive(), refillMs: z.number().positive() });
const WidgetLimitOptionsSchema = z
  .object({ sessionsPerAddress: RateLimitSchema, messagesPerVisitor: RateLimitSchema, socketsPerVisitor: z.number().int().positive() })
  .partial()
  .strict();

/**
 * Limits an operator sets in the environment (`WIDGET_LIMITS`, JSON of WidgetLimitOptions, any
 * part), e.g. more chats per address behind a large shared network, or none for a benchmark.
 */
export function widgetLimitsFromEnv(text: string | undefined): Partial<WidgetLimitOptions> {
  if (!text) return {};
  const parsed = WidgetLimitOptionsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`WIDGET_LIMITS is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export class WidgetLimits {
  readonly sessions: RateLimiter;
  readonly messages: RateLimiter;
  readonly socketsPerVisitor: number;

  constructor(options: Partial<WidgetLimitOptions>, now: () => number) {
    const o = { ...WIDGET_LIMITS, ...options };
    this.sessions = new RateLimiter(o.sessionsPerAddress, now);
    this.messages = new RateLimiter(o.messagesPerVisitor, now);
    this.socketsPerVisitor = o.socketsPerVisitor;
  }

  /** Throws a 429 when this address started too many chats lately. */
  takeSession(address: string | null): void {
    const wait = this.sessions.take(address ?? "unknown");
    if (wait > 0) throw new HttpError(429, "rate_limited", `Too many chats were started from your network. Please try again in ${minutes(wait)}.`);
  }

  /** Throws a 429 when this visitor is sending faster than a person types. */
  takeMessage(visitorId: string): void {
    if (this.messages.take(visitorId) > 0) throw new HttpError(429, "rate_limited", "You're sending messages too fast. Please wait a moment and try again.");
  }
}

export function tooManySockets(): HttpError {
  return new HttpError(429, "rate_limited", "This chat is open in too many windows. Close one and try again.");
}

function minutes(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? "a minute" : `${n} minutes`;
}
