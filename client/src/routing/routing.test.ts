import { describe, expect, it } from "vitest";
import type { Conversation } from "@inbox/shared";
import { formatCountdown, isOfferedToMe, markPickedUp } from "./routing.ts";

const conv = (over: Partial<Conversation> = {}): Conversation => ({
  id: "c1",
  workspaceId: "w",
  inboxId: "i",
  channel: "webchat",
  contactId: "k",
  contactName: "Rosa",
  teamId: "t",
  status: "open",
  priority: "normal",
  assigneeId: "ana",
  snoozedUntil: null,
  labels: [],
  unreadCount: 1,
  lastMessagePreview: "Hi",
  firstResponseAt: null,
  lastActivityAt: 1,
  createdAt: 1,
  offeredTo: "ana",
  offeredAt: 1000,
  offerExpiresAt: 61_000,
  ...over,
});

describe("offered chats on the client", () => {
  it("shows an offer only to its agent, while it stands, until picked up here", () => {
    expect(isOfferedToMe(conv(), "ana")).toBe(true);
    expect(isOfferedToMe(conv(), "bruno")).toBe(false);
    expect(isOfferedToMe(conv(), undefined)).toBe(false);
    expect(isOfferedToMe(conv({ assigneeId: "bruno" }), "ana")).toBe(false);
    expect(isOfferedToMe(conv({ offeredTo: null }), "ana")).toBe(false);
    markPickedUp(conv());
    expect(isOfferedToMe(conv(), "ana")).toBe(false);
    // The same chat offered again later (a new offer time) shows again.
    expect(isOfferedToMe(conv({ offeredAt: 5000 }), "ana")).toBe(true);
  });

  it("counts down in minutes and seconds, never below zero", () => {
    expect(formatCountdown(65_000)).toBe("1:05");
    expect(formatCountdown(400)).toBe("0:01");
    expect(formatCountdown(-3000)).toBe("0:00");
  });
});
