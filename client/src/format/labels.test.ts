import { describe, expect, it } from "vitest";
import { message } from "../test/fixtures.ts";
import { assigneeLabel, deliveryFailure, deliveryLabel, initials } from "./labels.ts";

describe("deliveryLabel", () => {
  const out = (status: "queued" | "sent" | "delivered" | "read" | "failed", failureReason: string | null = null) =>
    deliveryLabel(message({ direction: "outbound", senderKind: "agent", status, failureReason }));

  it("has nothing to say about inbound messages", () => {
    expect(deliveryLabel(message({ direction: "inbound" }))).toBeNull();
  });

  it("labels each delivery state", () => {
    expect(out("queued")?.mark).toBe("Sending…");
    expect(out("sent")).toMatchObject({ mark: "✓", text: "Sent" });
    expect(out("delivered")).toMatchObject({ mark: "✓✓", text: "Delivered" });
    expect(out("read")).toMatchObject({ text: "Read", tone: "read" });
  });

  it("gives the failure reason when there is one", () => {
    expect(out("failed", "The customer blocked this number.")?.text).toBe(
      "Failed to send: The customer blocked this number.",
    );
    expect(out("failed")?.text).toBe("Failed to send");
    expect(out("failed")?.tone).toBe("error");
  });

  it("says a reply waiting in the outbox will send when online, while offline", () => {
    const pending = message({ id: "pending-client-1", direction: "outbound", senderKind: "agent", status: "queued" });
    expect(deliveryLabel(pending, { offline: true })?.text).toBe("Will send when online");
    expect(deliveryLabel(pending, { offline: false })?.text).toBe("Sending…");
  });
});

describe("deliveryFailure", () => {
  it("shows a “Failed to send” badge with the reason in the agent's words", () => {
    const blocked = message({
      direction: "outbound",
      senderKind: "agent",
      status: "failed",
      failureReason: " The customer has blocked this business, so the message was not delivered. ",
    });
    expect(deliveryFailure(blocked)).toEqual({
      badge: "Failed to send",
      reason: "The customer has blocked this business, so the message was not delivered.",
    });
    expect(deliveryFailure({ ...blocked, failureReason: null })).toEqual({ badge: "Failed to send", reason: null });
  });

  it("has nothing to say about delivered or inbound messages", () => {
    expect(deliveryFailure(message({ direction: "outbound", status: "delivered" }))).toBeNull();
    expect(deliveryFailure(message({ direction: "inbound", status: "failed" }))).toBeNull();
  });
});

describe("assigneeLabel", () => {
  const names = (id: string) => ({ u2: "Bruno" })[id];
  it("names the assignee", () => {
    expect(assigneeLabel(null, "u1", names)).toBe("Unassigned");
    expect(assigneeLabel("u1", "u1", names)).toBe("You");
    expect(assigneeLabel("u2", "u1", names)).toBe("Bruno");
    expect(assigneeLabel("u9", "u1", names)).toBe("Another agent");
  });
});

describe("initials", () => {
  it("takes the first and last word", () => {
    expect(initials("Maria da Silva")).toBe("MS");
    expect(initials("ana")).toBe("A");
    expect(initials("  ")).toBe("?");
    expect(initials("Émile Zola")).toBe("ÉZ");
  });
});
