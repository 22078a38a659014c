import { describe, expect, it } from "vitest";
import { CUSTOMER_TYPING_SHOWN_MS, customerTypingNow } from "./customer-typing.ts";

describe("the customer is typing", () => {
  const now = 1_000_000;
  it("shows while the visitor's typing state is fresh, and not once they stopped", () => {
    expect(customerTypingNow({ typing: true, at: now }, now, now)).toBe(true);
    expect(customerTypingNow({ typing: false, at: now }, now, now)).toBe(false);
    expect(customerTypingNow(null, now, now)).toBe(false);
  });
  it("stops showing a state nobody renewed, measured on this device's clock even if it differs from the server's", () => {
    expect(customerTypingNow({ typing: true, at: now + 20_000 }, now, now + CUSTOMER_TYPING_SHOWN_MS - 1)).toBe(true);
    expect(customerTypingNow({ typing: true, at: now }, now, now + CUSTOMER_TYPING_SHOWN_MS)).toBe(false);
  });
  it("ignores a state left from long ago (the room loaded long after the visitor left)", () => {
    expect(customerTypingNow({ typing: true, at: now - 10 * 60_000 }, now, now)).toBe(false);
  });
});
