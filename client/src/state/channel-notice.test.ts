import { describe, expect, it } from "vitest";
import { channelNotice } from "./channel-notice.ts";

const inbox = (status: "active" | "disabled" | "token_expired" | "rate_limited", pausedUntil: number | null = null) => ({
  name: "WhatsApp Sales",
  status,
  pausedUntil,
});

describe("channelNotice", () => {
  it("says nothing for an active channel or before the detail has loaded", () => {
    expect(channelNotice(inbox("active"), 0)).toBeNull();
    expect(channelNotice(null, 0)).toBeNull();
  });

  it("blocks replies on a disabled channel and on an expired token", () => {
    expect(channelNotice(inbox("disabled"), 0)).toMatchObject({ canReply: false });
    const expired = channelNotice(inbox("token_expired"), 0);
    expect(expired?.canReply).toBe(false);
    expect(expired?.text).toMatch(/admin must reconnect/);
  });

  it("says the channel is temporarily unavailable while rate limited, until the pause ends", () => {
    expect(channelNotice(inbox("rate_limited", 100), 50)?.text).toMatch(/Channel temporarily unavailable/);
    expect(channelNotice(inbox("rate_limited", 100), 150)).toBeNull();
  });
});
