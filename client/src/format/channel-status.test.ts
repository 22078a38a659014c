import { describe, expect, it } from "vitest";
import { channelStatusTone, channelStatusWords, effectiveStatus } from "./channel-status.ts";

const t = { locale: "en-GB", timeZone: "UTC" };
const NOW = Date.UTC(2025, 2, 5, 14, 0);
const AT_1432 = Date.UTC(2025, 2, 5, 14, 32);

describe("channelStatusWords", () => {
  it("says each state in the words the admin screen shows", () => {
    expect(channelStatusWords({ status: "active", pausedUntil: null }, { ...t, now: NOW })).toBe("Active");
    expect(channelStatusWords({ status: "disabled", pausedUntil: null }, { ...t, now: NOW })).toBe("Disabled");
    expect(channelStatusWords({ status: "token_expired", pausedUntil: null }, { ...t, now: NOW })).toBe("Token expired — reconnect");
    expect(channelStatusWords({ status: "rate_limited", pausedUntil: AT_1432 }, { ...t, now: NOW })).toBe(
      "Paused until 14:32 (platform limit)",
    );
  });

  it("names the day of a pause that ends on another day, and copes with an unknown end", () => {
    const tomorrow = Date.UTC(2025, 2, 6, 9, 0);
    expect(channelStatusWords({ status: "rate_limited", pausedUntil: tomorrow }, { ...t, now: NOW })).toBe(
      "Paused until 6 Mar 2025, 09:00 (platform limit)",
    );
    expect(channelStatusWords({ status: "rate_limited", pausedUntil: null }, { ...t, now: NOW })).toBe(
      "Paused for a while (platform limit)",
    );
  });

  it("reads a pause that has ended as active", () => {
    const ended = { status: "rate_limited" as const, pausedUntil: AT_1432 };
    expect(effectiveStatus(ended, AT_1432 + 1)).toBe("active");
    expect(channelStatusWords(ended, { ...t, now: AT_1432 + 1 })).toBe("Active");
    expect(channelStatusTone(ended, AT_1432 - 1)).toBe("warning");
    expect(channelStatusTone({ status: "token_expired", pausedUntil: null }, NOW)).toBe("error");
  });
});
