import { describe, expect, it } from "vitest";
import { alertKey, channelAlerts, reuseAlerts } from "./channel-alerts.ts";

const t = { locale: "en-GB", timeZone: "UTC" };
const NOW = Date.UTC(2025, 2, 5, 14, 0);
const AT_1432 = Date.UTC(2025, 2, 5, 14, 32);

const inbox = (id: string, name: string, status: "active" | "disabled" | "token_expired" | "rate_limited", pausedUntil: number | null = null) => ({
  id,
  name,
  status,
  pausedUntil,
});

describe("channelAlerts", () => {
  const inboxes = [
    inbox("a", "Website chat", "active"),
    inbox("d", "Old line", "disabled"),
    inbox("r", "Telegram", "rate_limited", AT_1432),
    inbox("x", "WhatsApp", "token_expired"),
  ];

  it("tells admins about expired and paused channels, broken ones first", () => {
    const alerts = channelAlerts(inboxes, new Set(), { ...t, now: NOW });
    expect(alerts.map((a) => a.text)).toEqual([
      "Channel WhatsApp: Token expired — reconnect",
      "Channel Telegram: Paused until 14:32 (platform limit)",
    ]);
    expect(alerts.map((a) => a.reconnect)).toEqual([true, false]);
  });

  it("keeps a dismissed alert away until the channel's state changes again", () => {
    const dismissed = new Set([alertKey(inbox("x", "WhatsApp", "token_expired"))]);
    expect(channelAlerts(inboxes, dismissed, { ...t, now: NOW }).map((a) => a.inboxId)).toEqual(["r"]);
    const again = [inbox("x", "WhatsApp", "rate_limited", AT_1432)];
    expect(channelAlerts(again, dismissed, { ...t, now: NOW }).map((a) => a.text)).toEqual([
      "Channel WhatsApp: Paused until 14:32 (platform limit)",
    ]);
  });

  it("drops the alert of a pause that ended", () => {
    expect(channelAlerts([inbox("r", "Telegram", "rate_limited", AT_1432)], new Set(), { ...t, now: AT_1432 + 1 })).toEqual([]);
  });

  it("keeps unchanged alerts as the same objects, so banners are not announced again", () => {
    const first = channelAlerts(inboxes, new Set(), { ...t, now: NOW });
    const second = channelAlerts(inboxes, new Set(), { ...t, now: NOW + 5_000 });
    expect(reuseAlerts(second, first)).toBe(first);
  });
});
