import { describe, expect, it } from "vitest";
import { filterMentionable } from "./mention-filter.ts";

const people = [
  { id: "a", name: "Ana Souza" },
  { id: "s", name: "Sam Supervisor" },
  { id: "j", name: "João Lima" },
  { id: "b", name: "Bruno Santos" },
];

describe("finding a colleague after @", () => {
  it("matches the first name first, then any other word of the name, ignoring accents and case", () => {
    expect(filterMentionable(people, "sa").map((u) => u.id)).toEqual(["s", "b"]);
    expect(filterMentionable(people, "JOAO").map((u) => u.id)).toEqual(["j"]);
  });

  it("matches a whole name written together, and lists everyone for a bare @", () => {
    expect(filterMentionable(people, "anasou").map((u) => u.id)).toEqual(["a"]);
    expect(filterMentionable(people, "")).toHaveLength(4);
    expect(filterMentionable(people, "zed")).toEqual([]);
  });
});
