import { describe, expect, it } from "vitest";
import { alertTitle, notificationText } from "./notification-text.ts";

describe("what a notification says", () => {
  it("names the SLA target instead of showing its key, and says at risk / breached", () => {
    expect(notificationText({ kind: "sla_at_risk", actorName: "Web chat", contactName: "Bea", excerpt: "first_response" })).toEqual({
      title: "The chat with Bea is at risk of breaching its SLA (Web chat)",
      body: "First response",
    });
    expect(alertTitle({ kind: "sla_breached", actorName: "Web chat", contactName: "Bea", excerpt: "resolution" })).toBe("The chat with Bea breached its SLA (Web chat)");
  });

  it("keeps a colleague's words for mentions and whispers", () => {
    expect(notificationText({ kind: "whisper", actorName: "Sam", contactName: "Bea", excerpt: "offer a refund" })).toEqual({ title: "Sam whispered to you on Bea", body: "offer a refund" });
    expect(alertTitle({ kind: "mention", actorName: "Ana", contactName: "Bea", excerpt: "@Sam look" })).toBe("Ana mentioned you");
  });
});
