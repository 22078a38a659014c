import { describe, expect, it } from "vitest";
import { channelNotice } from "./channel-notice.ts";

const t = { locale: "en-GB", timeZone: "UTC" };
const NOW = Date.UTC(2025, 2, 5, 14, 0);
const AT_1432 = Date.UTC(2025, 2, 5, 14, 32);
const agent = { isAdmin: false };
const admin = { isAdmin: true };

const inbox = (status: "active" | "disabled" | "token_expired" | "rate_limited", pausedUntil: number | null = null) => ({ status, pausedUntil });

describe("channelNotice (seed's failure table)", () => {
  it("says nothing for an active channel or before the channel is known", () => {
    expect(channelNotice(inbox("active"), agent, { ...t, now: NOW })).toBeNull();
    expect(channelNotice(null, agent, { ...t, now: NOW })).toBeNull();
  });

  it("replaces the reply box on a disabled channel, saying old messages stay", () => {
    const n = channelNotice(inbox("disabled"), agent, { ...t, now: NOW });
    expect(n).toMatchObject({ canReply: false, urgent: false, reconnect: false });
    expect(n?.text).toBe("This channel was disabled by an admin. You can't reply here; earlier messages stay visible.");
  });

  it("shows an error on an expired connection, and only admins get the way to reconnect", () => {
    const forAgent = channelNotice(inbox("token_expired"), agent, { ...t, now: NOW });
    expect(forAgent?.text).toBe("This channel's connection has expired. An admin must reconnect it in Settings.");
    expect(forAgent).toMatchObject({ canReply: false, urgent: true, reconnect: false });
    expect(channelNotice(inbox("token_expired"), admin, { ...t, now: NOW })?.reconnect).toBe(true);
  });

  it("keeps the reply box while rate limited and says when replies go out, until the pause ends", () => {
    const n = channelNotice(inbox("rate_limited", AT_1432), agent, { ...t, now: NOW });
    expect(n?.canReply).toBe(true);
    expect(n?.text).toBe("Channel temporarily unavailable: the platform's limit was reached. Replies will be sent after 14:32.");
    expect(channelNotice(inbox("rate_limited"), agent, { ...t, now: NOW })?.text).toBe(
      "Channel temporarily unavailable: the platform's limit was reached. Replies will be sent once the pause ends.",
    );
    expect(channelNotice(inbox("rate_limited", AT_1432), agent, { ...t, now: AT_1432 + 1 })).toBeNull();
  });
});
