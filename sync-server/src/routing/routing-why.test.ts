import { describe, expect, it } from "vitest";
import { offeredTo, routingSettingsOf } from "@inbox/shared/domain/routing";
import { choose, type Agent } from "./choose-agent.ts";
import { formatSeconds, whyBackInQueue, whyOffered } from "./routing-why.ts";

const agent = (id: string, load: number, capacity = 3): Agent => ({ id, name: `Agent ${id}`, load, capacity });

describe("choosing an agent", () => {
  it("round robin takes the next with room after the last chosen, wrapping, skipping full and excluded agents", () => {
    const team = [agent("a", 0), agent("b", 3), agent("c", 1), agent("d", 0, 0)];
    expect(choose("round_robin", team, null)?.id).toBe("a");
    expect(choose("round_robin", team, "a")?.id).toBe("c"); // b is full
    expect(choose("round_robin", team, "c")?.id).toBe("a"); // d has no room (away), wraps
    expect(choose("round_robin", team, "c", "a")?.id).toBe("c"); // a excluded: c again
    expect(choose("round_robin", [agent("a", 3)], null)).toBeNull();
  });

  it("least loaded takes the lowest load, ties in round-robin order", () => {
    const team = [agent("a", 2), agent("b", 1), agent("c", 1)];
    expect(choose("least_loaded", team, null)?.id).toBe("b");
    expect(choose("least_loaded", team, "b")?.id).toBe("c");
    expect(choose("least_loaded", team, null, "b")?.id).toBe("c");
  });
});

describe("why sentences", () => {
  const base = { agentName: "Ana Souza", previousName: null, load: 1, capacity: 5, priority: "normal" as const, vip: false };
  it("say which mode chose whom, and what put the chat first", () => {
    expect(whyOffered({ ...base, mode: "round_robin", previousName: "Bruno Lima" })).toBe(
      "Round robin: offered to Ana Souza, next in turn after Bruno Lima (1 of 5 chats open).",
    );
    expect(whyOffered({ ...base, mode: "least_loaded", priority: "urgent", vip: true })).toBe(
      "Least loaded: offered to Ana Souza, who had the fewest open chats (1 of 5). Urgent VIP chat: handed out first.",
    );
    expect(whyOffered({ ...base, mode: "round_robin" }, { fromName: "Bruno Lima", reason: "agent_away", timeoutSeconds: null })).toBe(
      "Bruno Lima went away before picking it up. Round robin: offered to Ana Souza, first in turn (1 of 5 chats open).",
    );
    expect(whyBackInQueue({ fromName: "Bruno Lima", reason: "not_picked_up", timeoutSeconds: 90 }, true)).toBe(
      "Bruno Lima did not pick it up within 90 seconds. Routing is off for this inbox, so it waits unassigned.",
    );
    expect(formatSeconds(120)).toBe("2 minutes");
  });
});

describe("routing settings and offers", () => {
  it("read missing or out-of-range settings as manual, no timeout, no rerouting", () => {
    expect(routingSettingsOf(undefined)).toEqual({ mode: "manual", pickupTimeoutSeconds: null, rerouteOnAway: false });
    expect(routingSettingsOf({ routing: "round_robin", routingPickupTimeoutSeconds: 0, routingRerouteOnAway: true })).toEqual({
      mode: "round_robin",
      pickupTimeoutSeconds: null,
      rerouteOnAway: true,
    });
    expect(routingSettingsOf({ routing: "least_loaded", routingPickupTimeoutSeconds: 45 }).pickupTimeoutSeconds).toBe(45);
  });

  it("an offer stands only while the chat is still the agent's and open", () => {
    expect(offeredTo({ assigneeId: "a", status: "open", offeredTo: "a" })).toBe("a");
    expect(offeredTo({ assigneeId: "b", status: "open", offeredTo: "a" })).toBeNull();
    expect(offeredTo({ assigneeId: "a", status: "resolved", offeredTo: "a" })).toBeNull();
    expect(offeredTo({ assigneeId: "a", status: "open" })).toBeNull();
  });
});
