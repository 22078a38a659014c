import { describe, expect, it } from "vitest";
import { CHANNEL_MIX, seatOf } from "./customers.ts";
import { CHANNELS } from "./fixture.ts";

const teams = [0, 1, 2].map((t) => ({ inboxes: Object.fromEntries(CHANNELS.map((c) => [c, `${c}-${t}`])) as Record<(typeof CHANNELS)[number], string> }));

describe("where customers write", () => {
  it("every hundred customers hold the channel mix exactly, and each writes to its own team's inbox", () => {
    const seats = Array.from({ length: 300 }, (_, n) => seatOf(n, teams));
    for (const [channel, percent] of Object.entries(CHANNEL_MIX)) expect(seats.filter((s) => s.channel === channel)).toHaveLength(percent * 3);
    for (const s of seats) expect(s.inboxId).toBe(`${s.channel}-${s.team}`);
    expect(new Set(seats.map((s) => s.team))).toEqual(new Set([0, 1, 2]));
  });
});
