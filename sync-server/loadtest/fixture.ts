import { newId } from "@inbox/shared";
import type { Database } from "../src/db/database.ts";
import { inboxes, slaPolicies, teamMembers, teams, users } from "../src/db/schema.ts";
import type { SecretBox } from "../src/security/secret-box.ts";
import { PLATFORM_CHANNELS, type ChannelCredentials } from "./platforms.ts";

export const CHANNELS = ["webchat", ...PLATFORM_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

export interface FixtureAgent {
  id: string;
  email: string;
  name: string;
  role: "agent" | "supervisor";
  teamId: string;
}

export interface FixtureTeam {
  id: string;
  inboxes: Record<Channel, string>;
  agents: FixtureAgent[];
}

export interface Fixture {
  password: string;
  teams: FixtureTeam[];
}

export const AGENT_PASSWORD = "load-test-password-1";

/**
 * The floor the load test serves, written into the demo workspace's record: `agents` people in
 * teams of `teamSize` (the first of each team a supervisor, who watches its board), and per team
 * one inbox of every channel, handing out chats round robin with a pickup timeout, plus a
 * workspace SLA policy short enough that its at-risk and breach timers fire within a run.
 * Written as rows (thousands of invitations would only time the invitation flow); the platform
 * inboxes' credentials are sealed with the server's key, as connecting them would.
 */
export async function writeFixture(
  db: Database,
  secrets: SecretBox,
  o: { workspaceId: string; agents: number; teamSize: number; capacity: number; passwordHash: string; credentials: ChannelCredentials },
): Promise<Fixture> {
  const at = Date.now();
  const sealed = Object.fromEntries(await Promise.all(PLATFORM_CHANNELS.map(async (c) => [c, await secrets.seal(o.credentials[c])] as const)));
  const routing = { routing: "round_robin", routingPickupTimeoutSeconds: 120 };
  const out: FixtureTeam[] = [];
  for (let start = 0, t = 0; start < o.agents; start += o.teamSize, t++) {
    const teamId = newId();
    const agents: FixtureAgent[] = [];
    for (let i = start; i < Math.min(o.agents, start + o.teamSize); i++) {
      agents.push({ id: newId(), email: `agent${i}@load.test`, name: `Agent ${String(i).padStart(4, "0")}`, role: i === start ? "supervisor" : "agent", teamId });
    }
    const ids = Object.fromEntries(CHANNELS.map((c) => [c, newId()])) as Record<Channel, string>;
    await db.batch([
      db.insert(teams).values({ id: teamId, workspaceId: o.workspaceId, name: `Load team ${t + 1}` }),
      db.insert(users).values(
        agents.map((a) => ({ id: a.id, workspaceId: o.workspaceId, email: a.email, name: a.name, role: a.role, passwordHash: o.passwordHash, maxConcurrentChats: o.capacity, availability: "available" as const, createdAt: at })),
      ),
      db.insert(teamMembers).values(agents.map((a) => ({ teamId, userId: a.id }))),
      db.insert(inboxes).values(
        CHANNELS.map((channel) => ({
          id: ids[channel],
          workspaceId: o.workspaceId,
          name: `${channel} (team ${t + 1})`,
          channel,
          status: "active",
          teamId,
          settings: routing,
          secretsEnc: channel === "webchat" ? null : sealed[channel]!,
          createdAt: at,
        })),
      ),
    ]);
    out.push({ id: teamId, inboxes: ids, agents });
  }
  await db.insert(slaPolicies).values({
    id: newId(),
    workspaceId: o.workspaceId,
    name: "Load test",
    inboxId: null,
    priority: null,
    firstResponseMinutes: 1,
    nextResponseMinutes: 2,
    resolutionMinutes: 30,
    businessHours: false,
    atRisk: { unit: "percent", value: 50 },
    updatedAt: at,
  });
  return { password: AGENT_PASSWORD, teams: out };
}
