import type { AdminInbox } from "@inbox/shared";
import { describe, expect, it } from "vitest";
import { liveStateChanged, sortChannels, upsertInbox, widgetSnippet, withLiveState } from "./admin-rows.ts";

const row = (over: Partial<AdminInbox> = {}): AdminInbox => ({
  id: "i1",
  workspaceId: "w1",
  name: "WhatsApp",
  channel: "whatsapp",
  status: "active",
  teamId: "t1",
  pausedUntil: null,
  settings: {},
  createdAt: 1,
  webhookUrl: "https://inbox.example.com/webhooks/whatsapp/i1",
  hasCredentials: true,
  statusReason: null,
  ...over,
});

describe("the admin's channel list", () => {
  it("shows a live state change at once, and asks for the reason again", () => {
    const list = [row()];
    const live = new Map([["i1", { id: "i1", name: "WhatsApp", status: "token_expired" as const, pausedUntil: null }]]);
    expect(withLiveState(list, live)[0]).toMatchObject({ status: "token_expired", statusReason: null, webhookUrl: list[0]!.webhookUrl });
    expect(liveStateChanged(list, live)).toBe(true);
    expect(liveStateChanged(withLiveState(list, live), live)).toBe(false);
  });

  it("keeps rows the live state agrees with as they are", () => {
    const list = [row({ status: "disabled", statusReason: "Disabled by an admin." })];
    const live = new Map([["i1", { id: "i1", name: "WhatsApp", status: "disabled" as const, pausedUntil: null }]]);
    expect(withLiveState(list, live)[0]).toBe(list[0]);
    expect(withLiveState(list, new Map())[0]).toBe(list[0]);
  });

  it("replaces a changed channel in place and adds a new one by name", () => {
    const list = sortChannels([row({ id: "b", name: "Telegram" }), row({ id: "a", name: "LINE" })]);
    expect(list.map((r) => r.name)).toEqual(["LINE", "Telegram"]);
    const changed = upsertInbox(list, row({ id: "b", name: "Telegram", status: "disabled" }));
    expect(changed.map((r) => [r.name, r.status])).toEqual([
      ["LINE", "active"],
      ["Telegram", "disabled"],
    ]);
    expect(upsertInbox(list, row({ id: "c", name: "Messenger" })).map((r) => r.name)).toEqual(["LINE", "Messenger", "Telegram"]);
  });

  it("gives web chat channels the widget's embed code", () => {
    expect(widgetSnippet("https://inbox.example.com", "i9")).toBe(
      '<script src="https://inbox.example.com/widget.js" data-inbox-id="i9" async></script>',
    );
  });
});
