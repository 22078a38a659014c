import { eq } from "drizzle-orm";
import { BUILT_IN_PERMISSIONS, newId } from "@inbox/shared";
import { cannedResponses, contacts, conversations, customRoles, kbArticles, linkedTickets, messages, savedViews, teamMembers, teams, users } from "../db/schema.ts";
import { createWorkspace } from "../workspace/index.ts";
import { ingestCustomerMessage } from "../messages/index.ts";
import { assignConversation } from "../conversations/index.ts";
import { getInboxRow, loadUser, type InboxRow } from "../db/read-model.ts";
import type { TestServer } from "../testing/test-server.ts";

/**
 * Who the access matrix asks for: the demo workspace's admin, supervisor, an agent of the
 * Support team (whose resources are the targets), a Support member holding a custom role that
 * sees only chats assigned to them (none of the targets are), an agent of the Sales team, an
 * admin of another workspace, and nobody.
 */
export const WHO = ["admin", "supervisor", "agent", "assignedOnly", "otherTeam", "otherWorkspace", "signedOut"] as const;
export type Who = (typeof WHO)[number];
export type SignedIn = Exclude<Who, "signedOut">;

export const WHO_LABEL: Record<Who, string> = {
  admin: "admin",
  supervisor: "supervisor",
  agent: "agent of the team",
  assignedOnly: "custom role: only chats assigned to them",
  otherTeam: "agent of another team",
  otherWorkspace: "user of another workspace",
  signedOut: "signed out",
};

/** The demo workspace's Support-team resources every row aims at, and the sessions to aim with. */
export interface AccessFixture {
  server: TestServer;
  tokens: Record<SignedIn, string>;
  userIds: Record<SignedIn, string>;
  supportTeamId: string;
  salesTeamId: string;
  /** The custom role "Assigned only" held by `assignedOnly`. */
  assignedOnlyRoleId: string;
  /** The web chat inbox of the Support team. */
  inbox: InboxRow;
  /** The Support team's WhatsApp inbox, wired to the demo's simulator. */
  simulatedInboxId: string;
  /** A Support conversation with a customer's message and an agent's reply. */
  conversationId: string;
  contactId: string;
  /** A new Support conversation (with its contact), for rows that change state. */
  freshConversation(): Promise<{ conversationId: string; contactId: string }>;
  /** A new Support conversation offered to this user (routing's offer, not yet picked up). */
  freshOffer(userId: string | null): Promise<string>;
  freshCanned(): Promise<string>;
  freshArticle(opts?: { published: boolean }): Promise<string>;
  freshTicket(conversationId: string): Promise<string>;
  /** A saved view that belongs to the agent of the team. */
  freshView(): Promise<string>;
  /** An agent reply that failed, so it can be retried. */
  freshFailedReply(): Promise<string>;
  /** A new session for the user (for routes that end one). */
  freshToken(who: SignedIn): Promise<string>;
}

const OTHER_ADMIN = { email: "admin@other.example", password: "other-workspace-pass-1" };
const ASSIGNED_ONLY_EMAIL = "assigned-only@demo.inbox";

/** A Support member whose custom role sees only chats assigned to them, may reply, and nothing else. */
async function addAssignedOnlyMember(server: TestServer): Promise<string> {
  const db = server.core.db;
  const ana = (await db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") }))!;
  const support = (await db.query.teams.findFirst({ where: eq(teams.name, "Support") }))!;
  const roleId = newId();
  const userId = newId();
  const at = server.core.now();
  const permissions = { ...BUILT_IN_PERMISSIONS.agent, conversations: "assigned" as const, manageContacts: false };
  await server.core.writer.write([
    db.insert(customRoles).values({ id: roleId, workspaceId: ana.workspaceId, name: "Assigned only", base: "agent", permissions, createdAt: at, updatedAt: at }),
    // The demo's password hash, so the test server's login works as for the seeded people.
    db.insert(users).values({ id: userId, workspaceId: ana.workspaceId, email: ASSIGNED_ONLY_EMAIL, name: "Olivia Only", role: "agent", customRoleId: roleId, passwordHash: ana.passwordHash, createdAt: at }),
    db.insert(teamMembers).values({ teamId: support.id, userId }),
  ]);
  await server.core.narrowViewers.refresh();
  return roleId;
}

export async function buildAccessFixture(server: TestServer): Promise<AccessFixture> {
  const db = server.core.db;
  await createWorkspace(db, {
    workspaceName: "Other Co",
    adminName: "Olga Other",
    adminEmail: OTHER_ADMIN.email,
    adminPassword: OTHER_ADMIN.password,
  });
  const emails: Record<SignedIn, string> = {
    admin: "admin@demo.inbox",
    supervisor: "supervisor@demo.inbox",
    agent: "ana@demo.inbox",
    assignedOnly: ASSIGNED_ONLY_EMAIL,
    otherTeam: "bruno@demo.inbox",
    otherWorkspace: OTHER_ADMIN.email,
  };
  const assignedOnlyRoleId = await addAssignedOnlyMember(server);
  const login = (who: SignedIn) => (who === "otherWorkspace" ? server.login(OTHER_ADMIN.email, OTHER_ADMIN.password) : server.login(emails[who]));
  const tokens = Object.fromEntries(await Promise.all((Object.keys(emails) as SignedIn[]).map(async (w) => [w, await login(w)]))) as Record<SignedIn, string>;
  const userIds = {} as Record<SignedIn, string>;
  for (const who of Object.keys(emails) as SignedIn[]) {
    const row = await db.query.users.findFirst({ where: eq(users.email, emails[who]) });
    userIds[who] = row!.id;
  }
  const teamId = async (name: string) => (await db.query.teams.findFirst({ where: eq(teams.name, name) }))!.id;
  const supportTeamId = await teamId("Support");
  const salesTeamId = await teamId("Sales");
  const inboxRow = await db.query.inboxes.findFirst({ where: (i, { and: both, eq: is }) => both(is(i.teamId, supportTeamId), is(i.channel, "webchat")) });
  const inbox = (await getInboxRow(db, inboxRow!.id))!;
  const maria = await db.query.contacts.findFirst({ where: eq(contacts.name, "Maria Oliveira") });
  const conv = await db.query.conversations.findFirst({ where: eq(conversations.contactId, maria!.id) });
  const workspaceId = inbox.workspaceId;

  let n = 0;
  const freshConversation = async () => {
    const contactId = newId();
    n += 1;
    await server.core.writer.write([
      db.insert(contacts).values({ id: contactId, workspaceId, name: `Matrix customer ${n}`, email: null, phone: null, createdAt: server.core.now() }),
    ]);
    const result = await ingestCustomerMessage(server.core, {
      inbox,
      contactId,
      contactName: `Matrix customer ${n}`,
      content: { kind: "text", text: "Hello, I need help." },
      clientId: newId(),
      externalId: null,
      at: server.core.now(),
    });
    return { conversationId: result.conversation.id, contactId };
  };

  return {
    server,
    tokens,
    userIds,
    supportTeamId,
    salesTeamId,
    assignedOnlyRoleId,
    inbox,
    simulatedInboxId: (await db.query.inboxes.findFirst({ where: (i, { and: both, eq: is }) => both(is(i.teamId, supportTeamId), is(i.channel, "whatsapp")) }))!.id,
    conversationId: conv!.id,
    contactId: maria!.id,
    freshConversation,
    async freshOffer(userId) {
      const { conversationId } = await freshConversation();
      // Only people of the team can be given the chat; for anyone else the route refuses first.
      const user = userId ? await loadUser(db, userId) : null;
      if (user && user.workspaceId === workspaceId && (user.role !== "agent" || user.teamIds.includes(supportTeamId))) {
        const { passwordHash: _, ...admin } = (await loadUser(db, userIds.admin))!;
        await assignConversation(server.core, { ...admin, sessionTokenHash: "matrix" }, conversationId, userId);
      }
      return conversationId;
    },
    async freshCanned() {
      const id = newId();
      const at = server.core.now();
      await db.insert(cannedResponses).values({ id, workspaceId, shortcut: `m${id.slice(0, 8)}`, title: "Matrix", text: "Hi", teamId: null, createdAt: at, updatedAt: at });
      return id;
    },
    async freshArticle(opts = { published: true }) {
      const id = newId();
      const at = server.core.now();
      await db.insert(kbArticles).values({ id, workspaceId, slug: `matrix-${id.slice(0, 8)}`, title: "Matrix", body: "Body", published: opts.published, createdAt: at, updatedAt: at });
      return id;
    },
    async freshTicket(conversationId) {
      const id = newId();
      await db.insert(linkedTickets).values({ id, workspaceId, conversationId, title: "T-1", url: "https://tickets.example/1", createdAt: server.core.now() });
      return id;
    },
    async freshView() {
      const id = newId();
      const at = server.core.now();
      await db.insert(savedViews).values({ id, workspaceId, userId: userIds.agent, name: `View ${id.slice(0, 6)}`, view: { tab: "all" }, createdAt: at, updatedAt: at });
      return id;
    },
    async freshFailedReply() {
      const { conversationId } = await freshConversation();
      const id = newId();
      await server.core.writer.write([
        db.insert(messages).values({
          id,
          workspaceId,
          conversationId,
          inboxId: inbox.id,
          direction: "outbound",
          senderKind: "agent",
          senderId: userIds.agent,
          senderName: "Ana Souza",
          content: { kind: "text", text: "A reply that failed" },
          text: "A reply that failed",
          status: "failed",
          failureReason: "The platform refused it.",
          createdAt: server.core.now(),
        }),
      ]);
      return id;
    },
    freshToken: login,
  };
}
