import { describe, expect, it } from "vitest";
import { parseOptions } from "./options.ts";

describe("the load test's flags", () => {
  it("defaults to 100, 500 and 1,000 agents for ten minutes each on the Node server", () => {
    expect(parseOptions([])).toMatchObject({ agents: [100, 500, 1000], minutes: 10, teamSize: 50, target: "node" });
  });

  it("takes one number of agents and a shorter run", () => {
    expect(parseOptions(["--agents=100", "--minutes=0.5", "--target=workers"])).toMatchObject({ agents: [100], minutes: 0.5, target: "workers" });
  });

  it("refuses what it cannot run", () => {
    expect(() => parseOptions(["--agents=ten"])).toThrow(/whole numbers/);
    expect(() => parseOptions(["--minutes=0"])).toThrow();
    expect(() => parseOptions(["--agent=100"])).toThrow();
  });
});
