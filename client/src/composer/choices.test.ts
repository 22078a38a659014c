import { describe, expect, it } from "vitest";
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { choiceKinds, choicesContent, maxChoices } from "./choices.ts";

const caps = (maxButtons: number, maxQuickReplies: number): ChannelCapabilities => ({
  maxTextLength: 4096,
  maxButtons,
  maxButtonTitleLength: 20,
  maxQuickReplies,
  media: {},
  formatting: "plain",
});

describe("buttons and quick replies", () => {
  it("offers only the kinds the channel has, up to its maximum", () => {
    expect(choiceKinds(caps(3, 3))).toEqual(["buttons", "quick_replies"]);
    expect(choiceKinds(caps(0, 13))).toEqual(["quick_replies"]);
    expect(choiceKinds(caps(0, 0))).toEqual([]);
    expect(choiceKinds(null)).toEqual([]);
    expect(maxChoices(caps(3, 13), "quick_replies")).toBe(13);
  });

  it("become the message's content with the reply text as the question", () => {
    expect(choicesContent(" Did that help? ", { kind: "buttons", titles: ["Yes", " No "] })).toEqual({
      ok: true,
      content: { kind: "buttons", text: "Did that help?", buttons: [{ id: "1", title: "Yes" }, { id: "2", title: "No" }] },
    });
    expect(choicesContent("Pick one", { kind: "quick_replies", titles: ["A"] })).toMatchObject({ ok: true, content: { kind: "quick_replies", replies: [{ id: "1", title: "A" }] } });
  });

  it("need a question and a title on every choice", () => {
    expect(choicesContent("  ", { kind: "buttons", titles: ["Yes"] })).toEqual({ ok: false, problem: "needText" });
    expect(choicesContent("Q", { kind: "buttons", titles: ["Yes", " "] })).toEqual({ ok: false, problem: "emptyTitle" });
    expect(choicesContent("Q", { kind: "buttons", titles: [] })).toEqual({ ok: false, problem: "emptyTitle" });
  });
});
