import { parseArgs } from "node:util";
import { z } from "zod";

const positive = z.coerce.number().positive();
const count = z.coerce.number().int().positive();

const OptionsSchema = z.object({
  /** One run per number of agents, one after another. */
  agents: z.string().transform((s, ctx) => {
    const ns = s.split(",").map((x) => Number(x.trim()));
    if (ns.some((n) => !Number.isInteger(n) || n < 1)) ctx.addIssue({ code: "custom", message: "--agents takes whole numbers, e.g. 100 or 100,500,1000" });
    return ns;
  }),
  /** Measured minutes per run (the opening of every customer's chat comes before, not counted). */
  minutes: positive,
  /** Agents per team: a customer message reaches every agent of its team's list room. */
  teamSize: count,
  /** Customer messages per agent per minute, over all channels. */
  rate: positive,
  /** Customers (open chats) per agent. */
  chatsPerAgent: count,
  /** Processes the agents are spread over (the customers have one of their own). */
  workers: count,
  target: z.enum(["node", "workers"]),
  /** Also write the results as JSON here. */
  json: z.string().optional(),
});
export type LoadOptions = z.infer<typeof OptionsSchema>;

export const DEFAULTS = { agents: "100,500,1000", minutes: "10", teamSize: "50", rate: "6", chatsPerAgent: "3", workers: "2", target: "node" } as const;

/** `npm run loadtest -- --agents=100 --minutes=1` and the rest of the flags above, checked. */
export function parseOptions(argv: readonly string[]): LoadOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      agents: { type: "string" },
      minutes: { type: "string" },
      "team-size": { type: "string" },
      rate: { type: "string" },
      "chats-per-agent": { type: "string" },
      workers: { type: "string" },
      target: { type: "string" },
      json: { type: "string" },
    },
    strict: true,
  });
  return OptionsSchema.parse({
    agents: values.agents ?? DEFAULTS.agents,
    minutes: values.minutes ?? DEFAULTS.minutes,
    teamSize: values["team-size"] ?? DEFAULTS.teamSize,
    rate: values.rate ?? DEFAULTS.rate,
    chatsPerAgent: values["chats-per-agent"] ?? DEFAULTS.chatsPerAgent,
    workers: values.workers ?? DEFAULTS.workers,
    target: values.target ?? DEFAULTS.target,
    json: values.json,
  });
}
