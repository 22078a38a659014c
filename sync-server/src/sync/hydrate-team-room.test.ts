import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { roomName, type Conversation } from "@inbox/shared";
import { conversations, deletions, docUpdates } from "../db/schema.ts";
import { Room } from "../rooms/room.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { hydrateTeamRoom, MOST_CHANGES_READ } from "./hydrate-team-room.ts";

let server: TestServer;
let support: string;
let sales: string;
beforeAll(async () => {
  server = await startTestServer();
  support = server.seed!.teamIds.support!;
  sales = server.seed!.teamIds.sales!;
});
afterAll(() => server.stop());

const listOf = (room: Room) => room.doc.getMap<Conversation>("conversations").toJSON() as Record<string, Conversation>;

async function teamRows(teamId: string) {
  return server.core.db.select().from(conversations).where(eq(conversations.teamId, teamId));
}

/** A copy of `row` under a new id (no messages, so it can be deleted without its history). */
async function copyOf(row: typeof conversations.$inferSelect, changes: Partial<typeof conversations.$inferInsert> = {}): Promise<string> {
  const id = crypto.randomUUID();
  await server.core.db.insert(conversations).values({ ...row, id, ...changes });
  return id;
}

/**
 * A change the record's triggers did not stamp (an update that changes `seq` itself skips them;
 * this one moves it below any mark): only a load that reads the team whole sees it. No write
 * path can do this; the tests use it to tell a whole read from a read of the changes.
 */
async function unstampedRename(id: string, name: string): Promise<void> {
  await server.core.db.run(sql`update conversations set contact_name = ${name}, seq = -1 - abs(seq) where id = ${id}`);
}

describe("a team room loaded again reads only what changed since its last load", () => {
  it("ends as the record is: changed, moved in, moved out, added and deleted conversations", async () => {
    const { db } = server.core;
    const name = roomName({ kind: "team", id: support });
    const [a, b, c] = await teamRows(support);
    const [d] = await teamRows(sales);
    const doomed = await copyOf(a!, { contactName: "Soon Deleted" });

    const first = new Room(name);
    const mark = await hydrateTeamRoom(db, first, support, undefined);
    expect(listOf(first)).toHaveProperty(doomed);
    const stored = Y.encodeStateAsUpdate(first.doc);

    // Behind the room's back, as every write to an unloaded room is:
    await db.update(conversations).set({ status: "resolved", lastMessagePreview: "changed while away" }).where(eq(conversations.id, a!.id));
    await db.update(conversations).set({ teamId: sales }).where(eq(conversations.id, b!.id));
    await db.update(conversations).set({ teamId: support }).where(eq(conversations.id, d!.id));
    const added = await copyOf(a!, { contactName: "Arrived While Away" });
    await db.insert(deletions).values({ workspaceId: a!.workspaceId, kind: "conversation", recordId: doomed, teamId: support, at: Date.now() });
    await db.delete(conversations).where(eq(conversations.id, doomed));
    await unstampedRename(c!.id, "Never Stamped");

    const again = new Room(name);
    Y.applyUpdate(again.doc, stored, "load");
    await hydrateTeamRoom(db, again, support, mark);
    const whole = new Room(name);
    await hydrateTeamRoom(db, whole, support, undefined);

    const list = listOf(again);
    expect(Object.keys(list).sort()).toEqual((await teamRows(support)).map((r) => r.id).sort());
    expect(list[a!.id]).toMatchObject({ status: "resolved", lastMessagePreview: "changed while away" });
    expect(list).not.toHaveProperty(b!.id);
    expect(list[d!.id]?.teamId).toBe(support);
    expect(list[added]?.contactName).toBe("Arrived While Away");
    expect(list).not.toHaveProperty(doomed);
    // The unstamped change shows that the later load read the changes, not the team.
    expect(list[c!.id]?.contactName).toBe(c!.contactName);
    expect(listOf(whole)[c!.id]?.contactName).toBe("Never Stamped");
    expect({ ...list, [c!.id]: null }).toEqual({ ...listOf(whole), [c!.id]: null });
  });

  it("reads the team whole when more changed than a read of the changes is worth", async () => {
    const { db } = server.core;
    const name = roomName({ kind: "team", id: support });
    const [a] = await teamRows(support);
    const first = new Room(name);
    const mark = await hydrateTeamRoom(db, first, support, undefined);
    await unstampedRename(a!.id, "Seen By A Whole Read");
    // Many chats of another team, in one statement.
    await db.run(sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i <= ${MOST_CHANGES_READ})
      insert into conversations (id, workspace_id, inbox_id, channel, contact_id, contact_name, team_id, labels, last_activity_at, created_at)
      select 'bulk-' || i, ${a!.workspaceId}, ${a!.inboxId}, ${a!.channel}, ${a!.contactId}, 'Bulk', ${sales}, '[]', 0, 0 from n`);

    const again = new Room(name);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(first.doc), "load");
    await hydrateTeamRoom(db, again, support, mark);
    expect(listOf(again)[a!.id]?.contactName).toBe("Seen By A Whole Read");
  });
});

/** Lets the registry unload the room (no peers), then opens it again. */
async function reload(name: string) {
  const { rooms } = server.core;
  rooms.release(name);
  await waitFor("the room unloaded", () => !rooms.get(name));
  return rooms.open(name);
}

describe("the room registry", () => {
  it("forgets a room's mark when an update of it could not be stored, so its next load reads the team whole", async () => {
    const { db, rooms } = server.core;
    const name = roomName({ kind: "team", id: support });
    const [a, b] = await teamRows(support);
    await rooms.open(name);
    // A load after the other tests' changes: the mark it leaves is where the next load starts.
    await reload(name);
    await unstampedRename(a!.id, "First Unstamped");
    let room = await reload(name);
    // The stored document is whole: the load read only the stamped changes.
    expect(listOf(room)[a!.id]?.contactName).not.toBe("First Unstamped");

    await db.run(sql`alter table doc_updates rename to doc_updates_away`);
    try {
      room.doc.getMap("conversations").set("never-stored", { id: "never-stored" });
      await rooms.flush();
    } finally {
      await db.run(sql`alter table doc_updates_away rename to doc_updates`);
    }
    await unstampedRename(b!.id, "Second Unstamped");
    room = await reload(name);
    const list = listOf(room);
    expect(list[a!.id]?.contactName).toBe("First Unstamped");
    expect(list[b!.id]?.contactName).toBe("Second Unstamped");
    expect(list).not.toHaveProperty("never-stored");
    rooms.release(name);
  });

  it("ignores a room's mark when its stored log changed after it unloaded (another instance wrote or compacted it)", async () => {
    const { db, rooms } = server.core;
    const name = roomName({ kind: "team", id: support });
    const [a] = await teamRows(support);
    await rooms.open(name);
    await reload(name);
    rooms.release(name);
    await waitFor("the room unloaded", () => !rooms.get(name));
    await rooms.flush();
    await unstampedRename(a!.id, "Read After Someone Else Wrote");
    await db.insert(docUpdates).values({ room: name, update: Y.encodeStateAsUpdate(new Y.Doc()) });
    const room = await rooms.open(name);
    expect(listOf(room)[a!.id]?.contactName).toBe("Read After Someone Else Wrote");
    rooms.release(name);
  });
});
