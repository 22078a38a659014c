import { newId, type ChannelType } from "@inbox/shared";
import { eq } from "drizzle-orm";
import { createCore, type CoreOptions } from "../core.ts";
import type { Database } from "../db/database.ts";
import { inboxes, teamMembers, teams, users, workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { assignConversation, setConversationStatus } from "../conversations/index.ts";
import { ingestCustomerMessage } from "../messages/index.ts";
import { getInboxRow, loadUser } from "../db/read-model.ts";
import { sendAgentReply } from "../messages/index.ts";
import { startWidgetSession } from "../widget/index.ts";
import { seedDemoContent } from "./demo-content.ts";
import { demoMediaContent } from "./demo-media.ts";
import { DEMO_CHANNEL_INBOXES, DEMO_CONVERSATIONS, DEMO_INBOXES, DEMO_TEAMS, DEMO_USERS } from "./demo-data.ts";
import { SIMULATOR_BASE } from "../channels/index.ts";
import { contactFor } from "../webhooks/index.ts";
import { isMetaChannel, type Connector } from "@inbox/connectors";

export interface SeedResult {
  seeded: boolean;
  /** The demo workspace (the one the demo logins belong to), if there is one. */
  workspaceId: string | null;
  logins: { role: string; email: string; name: string }[];
  inboxIds: Record<string, string>;
  userIds: Record<string, string>;
  teamIds: Record<string, string>;
}

/**
 * Creates the demo workspace once (an existing workspace is left alone). Conversations go
 * through the same services as live traffic, so their events and rooms are real.
 */
export async function seedDemo(db: Database, password: string, deps: Pick<CoreOptions, "secrets" | "blobs" | "connectors" | "passwords">): Promise<SeedResult> {
  const logins = DEMO_USERS.map((u) => ({ role: u.role, email: u.email, name: u.name }));
  const existing = await db.query.workspaces.findFirst();
  if (existing) {
    const demoAdmin = await db.query.users.findFirst({ where: eq(users.email, DEMO_USERS[0]!.email) });
    return { seeded: false, workspaceId: demoAdmin?.workspaceId ?? null, logins, inboxIds: await inboxIdsByName(db), userIds: {}, teamIds: {} };
  }

  let clock = Date.now() - 4 * 3600_000;
  const core = createCore({ db, ...deps, sessionTtlMs: 3600_000, secureCookies: false, now: () => clock });
  const at = clock;
  const workspaceId = newId();
  const teamIds = Object.fromEntries(DEMO_TEAMS.map((t) => [t.key, newId()])) as Record<string, string>;
  const userIds = Object.fromEntries(DEMO_USERS.map((u) => [u.key, newId()])) as Record<string, string>;
  const inboxIds = Object.fromEntries([...DEMO_INBOXES, ...DEMO_CHANNEL_INBOXES].map((i) => [i.key, newId()])) as Record<string, string>;
  // The demo's WhatsApp, Messenger and Instagram inboxes are one Meta app's, as a business's
  // usually are: Settings shows the app's one callback URL, and the simulator can use it.
  const metaApp = { appId: demoDigits(15), appSecret: demoCredentials(core.connectors.get("messenger") ?? core.connectors.get("whatsapp")!).appSecret! };
  const credentialsFor = (channel: string) => {
    const credentials = demoCredentials(core.connectors.get(channel as ChannelType)!);
    return isMetaChannel(channel) ? { ...credentials, ...metaApp } : credentials;
  };
  const channelInboxes = await Promise.all(
    DEMO_CHANNEL_INBOXES.filter((i) => core.connectors.has(i.channel)).map(async (i) => ({
      id: inboxIds[i.key]!,
      workspaceId,
      name: i.name,
      channel: i.channel,
      status: "active",
      teamId: teamIds[i.team]!,
      settings: { apiBaseUrl: SIMULATOR_BASE },
      secretsEnc: await deps.secrets.seal(credentialsFor(i.channel)),
      metaAppId: isMetaChannel(i.channel) ? metaApp.appId : null,
      createdAt: at,
    })),
  );
  const passwordHash = await core.passwords.hash(password);

  await db.batch([
    db.insert(workspaces).values({ id: workspaceId, name: "Acme Support", createdAt: at }),
    db.insert(teams).values(DEMO_TEAMS.map((t) => ({ id: teamIds[t.key]!, workspaceId, name: t.name }))),
    db.insert(users).values(
      DEMO_USERS.map((u) => ({ id: userIds[u.key]!, workspaceId, email: u.email, name: u.name, role: u.role, passwordHash, createdAt: at })),
    ),
    db.insert(teamMembers).values(DEMO_USERS.flatMap((u) => u.teams.map((t) => ({ teamId: teamIds[t]!, userId: userIds[u.key]! })))),
    db.insert(inboxes).values([
      ...DEMO_INBOXES.map((i) => ({
        id: inboxIds[i.key]!,
        workspaceId,
        name: i.name,
        channel: "webchat",
        status: "active",
        teamId: teamIds[i.team]!,
        settings: { greeting: i.greeting, color: i.color },
        createdAt: at,
      })),
      ...channelInboxes,
    ]),
  ]);
  await seedDemoContent(db, { workspaceId, teamIds, authorId: userIds.admin!, at });

  const asUser = async (key: string): Promise<SessionUser> => {
    const { passwordHash: _, ...u } = (await loadUser(db, userIds[key]!))!;
    return { ...u, sessionTokenHash: "seed" };
  };
  for (const demo of DEMO_CONVERSATIONS) {
    const inbox = await getInboxRow(db, inboxIds[demo.inbox]!);
    if (!inbox) continue; // a channel whose connector this build does not have
    clock = Date.now() - demo.minutesAgo * 60_000;
    const visitor =
      inbox.channel === "webchat"
        ? await startWidgetSession(core, inbox, demo.contact)
        : { visitorId: (await contactFor(core, inbox, { externalId: demo.contact.externalId!, name: demo.contact.name })).id };
    let conversationId = "";
    for (const line of demo.lines) {
      clock += 45_000;
      if (line.from === "customer") {
        const r = await ingestCustomerMessage(core, {
          inbox,
          contactId: visitor.visitorId,
          contactName: demo.contact.name,
          content: line.media ? await demoMediaContent({ ...core, blobs: deps.blobs }, line.media, workspaceId, line.text) : { kind: "text", text: line.text },
          clientId: null,
          externalId: inbox.channel === "webchat" ? null : `demo-${newId()}`,
          at: clock,
        });
        conversationId = r.conversation.id;
      } else {
        await sendAgentReply(core, await asUser(line.from), conversationId, { clientId: newId(), content: { kind: "text", text: line.text } });
      }
    }
    if (demo.assignee) await assignConversation(core, await asUser("admin"), conversationId, userIds[demo.assignee]!, { override: true });
    if (demo.status && demo.status !== "open") await setConversationStatus(core, await asUser("admin"), conversationId, demo.status);
  }
  // Seeded replies have no visitor online to receive them; send them so they show as sent.
  await core.outbox.idle();
  core.outbox.kick();
  await core.outbox.idle();
  await core.writer.drain();
  return { seeded: true, workspaceId, logins, inboxIds, userIds, teamIds };
}

async function inboxIdsByName(db: Database): Promise<Record<string, string>> {
  const rows = await db.select({ id: inboxes.id, name: inboxes.name }).from(inboxes);
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}


/** Random credentials in the shape the connector asks for (the simulator checks them like a platform would; the load test's fakes too). */
export function demoCredentials(connector: Connector): Record<string, string> {
  const schema = connector.credentialsSchema as unknown as { shape?: Record<string, unknown> };
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema.shape ?? {})) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const length = key === "encodingAesKey" ? 43 : 32;
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    out[key] = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    if (key === "botToken") out[key] = `${100000 + (bytes[0]! << 8) + bytes[1]!}:${out[key]}`;
    // Platform account ids are numeric (page, Instagram account, phone number ids).
    if (/[a-z]Id$/.test(key) && key !== "appId") out[key] = Array.from(bytes.slice(0, 15), (b) => String(b % 10)).join("").replace(/^0/, "1");
  }
  return out;
}

/** A random number of `length` digits (platform account and app ids are numeric). */
function demoDigits(length: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => String(b % 10)).join("").replace(/^0/, "1");
}
