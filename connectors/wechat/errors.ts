import type { SendResult } from "../src/connector.ts";
import type { ApiFailure } from "./api.ts";
import { capabilities } from "./config.ts";

/**
 * WeChat error codes → our failure kinds.
 * https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html
 */

export type SendFailure = Extract<SendResult, { ok: false }>;

interface MappingContext {
  /** When the customer last wrote, to tell "window closed" from "unfollowed" on 45015. */
  lastInboundAt: number | null;
  now: number;
}

const WINDOW_MS = (capabilities.replyWindowHours ?? 48) * 3_600_000;

/** Credentials or account setup an admin has to fix (reconnect with the right values). */
const CREDENTIAL_CODES: Record<number, string> = {
  40001: "WeChat refused the AppSecret or access token. An admin must reconnect the WeChat channel.",
  40014: "WeChat refused the access token. An admin must reconnect the WeChat channel.",
  41001: "WeChat did not accept the access token. An admin must reconnect the WeChat channel.",
  42001: "The WeChat access token expired and could not be renewed. An admin must reconnect the WeChat channel.",
  40002: "WeChat refused the token request. An admin must reconnect the WeChat channel.",
  40013: "The WeChat AppID is not valid. An admin must reconnect the WeChat channel.",
  40125: "The WeChat AppSecret is wrong. An admin must reconnect the WeChat channel.",
  41002: "The WeChat AppID is missing. An admin must reconnect the WeChat channel.",
  41004: "The WeChat AppSecret is missing. An admin must reconnect the WeChat channel.",
  40164: "This server's IP address is not on the WeChat account's IP whitelist. An admin must add it under Basic configuration.",
  61004: "This server's IP address is not on the WeChat account's IP whitelist. An admin must add it under Basic configuration.",
};

/** The message itself cannot be sent as it is. */
const REJECTED_CODES: Record<number, string> = {
  40003: "WeChat does not know this customer's OpenID for this account.",
  40004: "WeChat refused the media type.",
  40005: "WeChat refused the file type.",
  40006: "WeChat refused the file size.",
  40007: "WeChat no longer has this media (temporary media expires after 3 days).",
  40008: "WeChat refused this kind of message.",
  40009: "The image is too large for WeChat.",
  40010: "The voice message is too large for WeChat.",
  40011: "The video is too large for WeChat.",
  41005: "WeChat received no media data.",
  41006: "WeChat received no media id.",
  44001: "WeChat received an empty file.",
  44002: "WeChat received an empty message.",
  44004: "WeChat refused an empty text.",
  45001: "The file is too large for WeChat.",
  45002: "The text is too long for WeChat.",
  45003: "The title is too long for WeChat.",
  45004: "The description is too long for WeChat.",
  47001: "WeChat could not read the message (format error).",
  48001: "This WeChat account is not allowed to send customer-service messages (it needs a verified account with that permission). An admin must check the account.",
};

export function mapFailure(failure: ApiFailure, context: MappingContext): SendFailure {
  if (failure.type === "network") {
    return { ok: false, kind: "retry", reason: "WeChat could not be reached; the message will be retried." };
  }
  if (failure.type === "http") {
    if (failure.status === 429) {
      return { ok: false, kind: "rate_limited", reason: "WeChat is limiting how fast this account can send.", retryAfterMs: failure.retryAfterMs ?? 60_000, platformCode: "http_429" };
    }
    return {
      ok: false,
      kind: "retry",
      reason: `WeChat answered with an error (HTTP ${failure.status}); the message will be retried.`,
      platformCode: `http_${failure.status}`,
      ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    };
  }

  const code = failure.errcode;
  const platformCode = String(code);
  switch (code) {
    case -1:
      return { ok: false, kind: "retry", reason: "WeChat is busy; the message will be retried.", platformCode };
    case 45015: {
      // "response out of time limit or subscription is canceled": if the customer wrote within
      // 48 h the window is open, so they must have unfollowed the account.
      const inWindow = context.lastInboundAt !== null && context.now - context.lastInboundAt < WINDOW_MS;
      return inWindow
        ? { ok: false, kind: "blocked", reason: "The customer has unfollowed this WeChat account, so the message was not delivered.", platformCode }
        : {
            ok: false,
            kind: "window_closed",
            reason: "The customer last wrote more than 48 hours ago; WeChat only allows replies after they write again.",
            platformCode,
          };
    }
    case 45047:
      return {
        ok: false,
        kind: "window_closed",
        reason: "WeChat's reply limit for this customer is used up; you can reply again after they write.",
        platformCode,
      };
    case 43004:
      return { ok: false, kind: "blocked", reason: "The customer no longer follows this WeChat account, so the message was not delivered.", platformCode };
    case 43019:
      return { ok: false, kind: "blocked", reason: "The customer is on this WeChat account's blacklist, so the message was not delivered.", platformCode };
    case 45009:
      return {
        ok: false,
        kind: "rate_limited",
        reason: "This WeChat account has used its daily API quota; sending resumes after midnight (China time).",
        retryAfterMs: untilBeijingMidnight(context.now),
        platformCode,
      };
    case 45011:
      return { ok: false, kind: "rate_limited", reason: "WeChat is limiting how fast this account can send; sending resumes in a minute.", retryAfterMs: 60_000, platformCode };
  }
  const credentials = CREDENTIAL_CODES[code];
  if (credentials) return { ok: false, kind: "token_expired", reason: credentials, platformCode };
  const rejected = REJECTED_CODES[code];
  if (rejected) return { ok: false, kind: "rejected", reason: rejected, platformCode };
  return {
    ok: false,
    kind: "retry",
    reason: `WeChat answered with error ${code}${failure.errmsg ? ` (${failure.errmsg})` : ""}; the message will be retried.`,
    platformCode,
  };
}

/** Daily quotas reset at 00:00 China Standard Time (UTC+8, no DST). */
function untilBeijingMidnight(now: number): number {
  const day = 86_400_000;
  const offset = 8 * 3_600_000;
  return day - ((now + offset) % day);
}
