/**
 * Error kinds the API returns, as documented string constants. The message beside each is
 * written for the person using the product; `code` is for programs.
 */
export const ERROR_CODES = [
  "bad_request",
  "invalid_json",
  "validation_failed",
  "payload_too_large",
  "unsupported_media_type",
  "unauthenticated",
  "invalid_credentials",
  "forbidden",
  "not_found",
  "conflict",
  "channel_unavailable",
  "rate_limited",
  "internal",
  /** The server is behind (too much accepted work waiting, sync-server/src/http/admission.ts): send the same request again after `Retry-After` seconds. Status 503. */
  "overloaded",
  /** Supervision: the chosen agent is at their capacity; send again with `override` to assign anyway. */
  "over_capacity",
  /** The workspace requires two-factor sign-in and this session's user has not set it up: only enrolment (and sign-out) is open. */
  "two_factor_required",
  /** The workspace's AI provider failed or refused (issue 15); `fields.reason` names how (sync-server/src/ai/provider.ts `AI_ERROR_KINDS`). */
  "ai_unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
