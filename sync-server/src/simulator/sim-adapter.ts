import type { FakePlatform, RecordedRequest } from "@inbox/connectors/testing";
import { HttpError } from "../http/http-error.ts";

/** What a simulated customer can do on any channel. */
export type CustomerAction =
  | { kind: "text"; text: string }
  | { kind: "image"; caption?: string }
  /** A real photo, voice note (Ogg/Opus) or PDF, served by the fake at the platform's media path (connectors/src/demo-media). */
  | { kind: "voice" }
  | { kind: "file" }
  | { kind: "location"; latitude: number; longitude: number; name?: string }
  | { kind: "button"; id: string; title: string }
  /** Blocks/unfollows the business (only where the platform reports it by webhook). */
  | { kind: "block" };

export interface SimCustomer {
  externalId: string;
  name: string;
}

/** A signed webhook delivery; `query` goes on the URL (WeChat signs there). */
export interface SimDelivery {
  headers: Record<string, string>;
  body: string;
  query?: string;
}

/** The failure states the simulator can make a platform answer with. */
export type SimFailure = "none" | "token_expired" | "blocked" | "rate_limited";

/** What the server sent to the platform, for the simulator's "sent" list. */
export interface SentSummary {
  at: number;
  to: string | null;
  kind: string;
  text: string | null;
  status: number;
}

/**
 * Glue between the simulator and one platform's fake (connectors/<platform>/fake.ts): build a
 * customer's webhook signed with the inbox's credentials, make the fake fail, and describe
 * what the connector sent.
 */
export interface SimAdapter {
  createFake(credentials: Record<string, string>): FakePlatform;
  /** A signed webhook delivery for the action; `messageId` is the platform's id for it. */
  inbound(
    action: CustomerAction,
    customer: SimCustomer,
    messageId: string,
    credentials: Record<string, string>,
    /** Where this inbox's fake is served, for media links in payloads. */
    platformBaseUrl: string,
  ): SimDelivery;
  fail(fake: FakePlatform, failure: SimFailure): void;
  /**
   * Platforms that accept sends to a customer who blocked them and report the block only as a
   * webhook (LINE's unfollow): the simulator sends the `block` action instead of failing sends.
   */
  blocksByWebhook?: boolean;
  /** False where customers cannot send files (the `file` action is refused). */
  files?: boolean;
  describe(req: RecordedRequest): Omit<SentSummary, "at" | "status"> | null;
  /** Sample customer id in the platform's format. */
  sampleCustomer(): SimCustomer;
}

/** A kind of message customers cannot send on this platform. */
export function noSuchMessage(channel: string, what: string): never {
  throw new HttpError(409, "conflict", `Customers cannot send ${what} on ${channel}.`);
}

/** For platforms that report a block only through send errors (see `blocksByWebhook`). */
export function noBlockWebhook(channel: string): never {
  throw new Error(`${channel} has no block webhook: a block shows up as a send error.`);
}
