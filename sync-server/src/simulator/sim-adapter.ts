import type { FakePlatform, RecordedRequest } from "@inbox/connectors/testing";

/** What a simulated customer can do on any channel. */
export type CustomerAction =
  | { kind: "text"; text: string }
  | { kind: "image"; caption?: string }
  | { kind: "voice" }
  | { kind: "location"; latitude: number; longitude: number; name?: string }
  | { kind: "button"; id: string; title: string };

export interface SimCustomer {
  externalId: string;
  name: string;
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
  inbound(action: CustomerAction, customer: SimCustomer, messageId: string, credentials: Record<string, string>): { headers: Record<string, string>; body: string };
  fail(fake: FakePlatform, failure: SimFailure): void;
  describe(req: RecordedRequest): Omit<SentSummary, "at" | "status"> | null;
  /** Sample customer id in the platform's format. */
  sampleCustomer(): SimCustomer;
}
