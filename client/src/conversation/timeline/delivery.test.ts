import { describe, expect, it } from "vitest";
import { message } from "../../test/fixtures.ts";
import { deliveryView } from "./delivery.ts";

describe("delivery ticks", () => {
  const out = (status: "queued" | "sent" | "delivered" | "read" | "failed" | "unconfirmed") =>
    deliveryView(message({ direction: "outbound", senderKind: "agent", status }), false);

  it("shows a clock while queued, ✓ sent, ✓✓ delivered and read, with the words for screen readers", () => {
    expect(out("queued")).toEqual({ mark: "clock", word: "Sending…" });
    expect(out("sent")).toEqual({ mark: "tick", word: "Sent" });
    expect(out("delivered")).toEqual({ mark: "ticks", word: "Delivered" });
    expect(out("read")).toEqual({ mark: "ticks", word: "Read" });
  });

  it("has nothing to say about inbound messages, failures or sends that may not have gone out (the bubble shows those)", () => {
    expect(deliveryView(message({ direction: "inbound" }), false)).toBeNull();
    expect(out("failed")).toBeNull();
    expect(out("unconfirmed")).toBeNull();
  });

  it("says a reply waiting in the device's outbox will send when online, while offline", () => {
    const pending = message({ id: "pending-client-1", direction: "outbound", senderKind: "agent", status: "queued" });
    expect(deliveryView(pending, true)).toEqual({ mark: "words", word: "Will send when online" });
    expect(deliveryView(pending, false)?.mark).toBe("clock");
    // Queued on the server (not in this device's outbox): being sent, network or not.
    expect(deliveryView({ ...pending, id: "m1" }, true)?.mark).toBe("clock");
  });
});
