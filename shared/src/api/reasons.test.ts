import { describe, expect, it } from "vitest";
import { PERMISSION_FLAGS } from "../domain/permissions.ts";
import { isReasonCode, REASONS, reasonFields, reasonSentence, reasonVars } from "./reasons.ts";

describe("refusal reasons as codes with parameters", () => {
  it("the server's English sentence fills the parameters, with waits and windows in words", () => {
    expect(reasonSentence("sign_in_locked_network", { seconds: "45" })).toBe("Too many failed sign-ins from your network. Try again in 45 seconds.");
    expect(reasonSentence("sign_in_locked_account", { seconds: "600" })).toBe("Too many failed sign-ins for this account. Try again in 10 minutes.");
    expect(reasonSentence("window_closed", { hours: "168" })).toMatch(/^This customer last wrote more than 7 days ago,/);
    expect(reasonSentence("window_closed_template", { hours: "24" })).toMatch(/more than 24 hours ago.*or send an approved template\.$/);
    expect(reasonSentence("customer_blocked", { channel: "LINE" })).toMatch(/blocked the business on LINE,/);
    expect(reasonSentence("attachment_too_large", { channel: "WhatsApp", kind: "image", maxBytes: String(5 * 1024 * 1024), bytes: String(7.2 * 1024 * 1024) })).toBe(
      "WhatsApp accepts images up to 5 MB; this one is 7.2 MB.",
    );
  });

  it("travels as fields a client can read back, and only known codes count", () => {
    expect(reasonFields("assigned_to_colleague", { name: "Ana Souza", first: "Ana" })).toEqual({ name: "Ana Souza", first: "Ana", reason: "assigned_to_colleague" });
    expect(isReasonCode("offered_elsewhere")).toBe(true);
    expect(isReasonCode("toString")).toBe(false);
    expect(isReasonCode("email_taken")).toBe(false);
    expect(reasonVars({ seconds: "not a number" }, { wait: () => "x", period: () => "y", kinds: () => "k", size: () => "s" })).toEqual({ seconds: "not a number" });
  });

  it("every permission a route can require has its own refusal", () => {
    for (const flag of PERMISSION_FLAGS) expect(REASONS[`no_permission_${flag}`]).toMatch(/^Your role does not allow /);
  });
});
