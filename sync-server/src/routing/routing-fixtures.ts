/**
 * Test fixtures for routing: fresh teams with their own routed web chat inbox and agents (so
 * tests do not share queues or loads), customers writing through the real widget API, and
 * reads of the record. Shared by the routing test files.
 */
import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { newId } from "@inbox/shared";
import type { RoutingMode } from "@inbox/shared/domain/routing";
import { contacts, conversations, events, inboxes, messages, teamMembers, teams, users } from "../db/schema.ts";
import { waitFor, type TestServer } from "../testing/test-server.ts";

/** `online: false`: never connected (routing treats them as offline); by default just seen. */
export type AgentSpec = { name: string; capacity?: number; availability?: "available" | "busy" | "away"; online?: boolean };

/** A chat put straight into the record (no routing is asked for it): its queue place and holder. */
export type ChatSpec = { priority?: "urgent" | "high" | "normal" | "low"; vip?: boolean; assigneeId?: string; status?: "open" | "pending" | "resolved" };

export class RoutingFixtures {
  private visitors = 0;
  private workspaceId = "";
  private passwordHash = "";

  constructor(private readonly server: () => TestServer) {}

  private get db() {
    return this.server().core.db;
  }

  async init(): Promise<void> {
    const ana = await this.db.query.users.findFirst({ where: eq(users.email, "ana@demo.inbox") });
    this.workspaceId = ana!.workspaceId;
    this.passwordHash = ana!.passwordHash;
  }

  async setup(mode: RoutingMode, agents: AgentSpec[], extra: Record<string, string | number | boolean> = {}) {
    const teamId = newId();
    const inboxId = newId();
    await this.db.insert(teams).values({ id: teamId, workspaceId: this.workspaceId, name: `Team ${teamId.slice(0, 6)}` });
    // The demo supervisor leads every test team (supervisors see only the teams they are members of).
    const sam = await this.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.email, "supervisor@demo.inbox") });
    if (sam) await this.db.insert(teamMembers).values({ teamId, userId: sam.id });
    await this.db.insert(inboxes).values({
      id: inboxId,
      workspaceId: this.workspaceId,
      name: "Routed chat",
      channel: "webchat",
      status: "active",
      teamId,
      settings: { greeting: "Hi", color: "#2563eb", routing: mode, ...extra },
      createdAt: Date.now(),
    });
    const ids: string[] = [];
    for (const a of agents) {
      const id = newId();
      await this.db.insert(users).values({
        id,
        workspaceId: this.workspaceId,
        email: `${id}@routing.test`,
        name: a.name,
        role: "agent",
        passwordHash: this.passwordHash,
        maxConcurrentChats: a.capacity ?? 5,
        availability: a.availability ?? "available",
        lastSeenAt: a.online === false ? null : Date.now(),
        createdAt: Date.now(),
      });
      await this.db.insert(teamMembers).values({ teamId, userId: id });
      ids.push(id);
    }
    return { teamId, inboxId, agents: ids };
  }

  /** A new visitor writes once; returns the conversation id. */
  async customerWrites(inboxId: string, text = "Hello?", via: TestServer = this.server()): Promise<string> {
    const n = ++this.visitors;
    const session = await via.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name: `Visitor ${n}` } });
    expect(session.status).toBe(201);
    const { token } = (await session.json()) as { token: string };
    const sent = await via.api(`/api/widget/${inboxId}/messages`, { method: "POST", token, json: { clientId: `routing-msg-${n}-${newId()}`, text } });
    expect(sent.status).toBe(201);
    const { message } = (await sent.json()) as { message: { id: string } };
    const row = await this.db.query.messages.findFirst({ where: eq(messages.id, message.id) });
    return row!.conversationId;
  }

  /**
   * Chats written straight into the record, one millisecond apart in this order (a burst that
   * arrived while nobody had room); routing is left to the caller. Returns their ids.
   */
  async chats(inboxId: string, teamId: string, specs: ChatSpec[]): Promise<string[]> {
    const at = Date.now() - specs.length;
    const ids = specs.map(() => newId());
    const contactIds = specs.map(() => newId());
    for (let i = 0; i < specs.length; i += 100) {
      const part = specs.slice(i, i + 100);
      await this.db.insert(contacts).values(part.map((s, k) => ({ id: contactIds[i + k]!, workspaceId: this.workspaceId, name: `Burst ${i + k}`, vip: s.vip ?? false, createdAt: at })));
      await this.db.insert(conversations).values(
        part.map((s, k) => ({
          id: ids[i + k]!,
          workspaceId: this.workspaceId,
          inboxId,
          channel: "webchat",
          contactId: contactIds[i + k]!,
          contactName: `Burst ${i + k}`,
          teamId,
          status: s.status ?? "open",
          priority: s.priority ?? "normal",
          assigneeId: s.assigneeId ?? null,
          labels: [],
          lastActivityAt: at + i + k,
          createdAt: at + i + k,
        })),
      );
    }
    return ids;
  }

  async conversation(id: string) {
    return (await this.db.query.conversations.findFirst({ where: eq(conversations.id, id) }))!;
  }

  assigneeOf = async (id: string) => (await this.conversation(id)).assigneeId;
  waitAssigned = (id: string) => waitFor(`conversation ${id} assigned`, () => this.assigneeOf(id));

  async assignedEvents(conversationId: string) {
    return this.db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, conversationId), eq(events.type, "conversation.assigned")))
      .orderBy(asc(events.at), asc(events.id));
  }

  /** Gives routing's background work a moment to run (used before asserting nothing happened). */
  async settle() {
    await new Promise((r) => setTimeout(r, 100));
    await this.server().core.writer.drain();
  }

  loginAs(userId: string) {
    return this.server().login(`${userId}@routing.test`);
  }

  async setRouting(inboxId: string, body: Record<string, unknown>) {
    const admin = await this.server().login("admin@demo.inbox");
    const res = await this.server().api(`/api/admin/inboxes/${inboxId}/routing`, { method: "POST", token: admin, json: body });
    expect(res.status).toBe(200);
    return res.json();
  }
}
