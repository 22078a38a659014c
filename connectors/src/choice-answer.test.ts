import { describe, expect, it } from "vitest";
import { utf8 } from "./crypto.ts";
import { choiceAnswer } from "./choice-answer.ts";
import * as tg from "../telegram/fake.ts";
import { telegramConnector } from "../telegram/index.ts";

describe("a tapped choice keeps its id", () => {
  it("carries the payload as the choice id", () => {
    expect(choiceAnswer("Yes", "confirm_yes")).toEqual({ kind: "text", text: "Yes", replyTo: { choiceId: "confirm_yes" } });
  });

  it("leaves out what cannot be one of our choice ids: none, too long, or a connector's index stand-in", () => {
    expect(choiceAnswer("Yes", undefined)).toEqual({ kind: "text", text: "Yes" });
    expect(choiceAnswer("Yes", "")).toEqual({ kind: "text", text: "Yes" });
    expect(choiceAnswer("Yes", "x".repeat(257))).toEqual({ kind: "text", text: "Yes" });
    expect(choiceAnswer("Yes", "#2", (p) => /^#\d+$/.test(p))).toEqual({ kind: "text", text: "Yes" });
  });

  it("Telegram: a press on a button whose id did not fit 64 bytes (`#n`) links by title instead", async () => {
    const credentials = { botToken: "123456789:AAH-test_token", secretToken: "s3cret-Token_1" };
    const { headers, body } = tg.buildWebhook(tg.callbackQuery({ messageId: 44, data: "#2", buttons: [{ text: "One", data: "#1" }, { text: "Two", data: "#2" }], updateId: 990 }), credentials);
    const req = { method: "POST", url: new URL("https://inbox.example/webhooks/telegram/i"), headers: new Headers(headers), body: utf8(body) };
    const [event] = await telegramConnector.parse(req, credentials);
    expect(event).toMatchObject({ type: "message", content: { kind: "text", text: "Two" } });
    expect(event!.type === "message" && event!.content.kind === "text" ? event!.content.replyTo : "not text").toBeUndefined();
  });
});
