import { describe, expect, it } from "vitest";
import type { AssigneeLoad } from "@inbox/shared";
import { candidatesFor } from "./candidates.ts";

const person = (over: Partial<AssigneeLoad> & Pick<AssigneeLoad, "userId" | "name">): AssigneeLoad => ({
  load: 0,
  capacity: 3,
  role: "agent",
  teamIds: ["support"],
  availability: "available",
  ...over,
});

describe("assignee candidates", () => {
  it("offers the chat's team and admins, agents first, available and with room first", () => {
    const list = candidatesFor(
      [
        person({ userId: "zoe", name: "Zoe", availability: "away" }),
        person({ userId: "ana", name: "Ana", load: 3 }),
        person({ userId: "bia", name: "Bia" }),
        person({ userId: "bruno", name: "Bruno", teamIds: ["sales"] }),
        person({ userId: "sam", name: "Sam", role: "supervisor" }),
        person({ userId: "alice", name: "Alice", role: "admin", teamIds: [] }),
      ],
      "support",
      null,
    );
    expect(list.map((c) => c.userId)).toEqual(["bia", "ana", "zoe", "alice", "sam"]);
    expect(list.find((c) => c.userId === "ana")).toMatchObject({ full: true, current: false });
  });

  it("keeps the current holder, last and marked", () => {
    const list = candidatesFor([person({ userId: "ana", name: "Ana" }), person({ userId: "bia", name: "Bia" })], "support", "ana");
    expect(list.map((c) => [c.userId, c.current])).toEqual([
      ["bia", false],
      ["ana", true],
    ]);
  });
});
