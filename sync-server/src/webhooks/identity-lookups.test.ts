import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openNodeDatabase } from "../node/open-database.ts";
import { migrateDatabase } from "../node/migrate.ts";
import type { Database } from "../db/database.ts";
import { contactIdentities, contacts, inboxes, teams, workspaces } from "../db/schema.ts";
import { IdentityLookups } from "./identity-lookups.ts";

let db: Database;
let close: () => void;
beforeAll(async () => {
  ({ db, close } = await openNodeDatabase("file::memory:"));
  await migrateDatabase(db);
  await db.insert(workspaces).values({ id: "w", name: "W", createdAt: 0 });
  await db.insert(teams).values({ id: "t", workspaceId: "w", name: "T" });
  for (const id of ["wa", "tg"]) await db.insert(inboxes).values({ id, workspaceId: "w", name: id, channel: id === "wa" ? "whatsapp" : "telegram", teamId: "t", settings: {}, createdAt: 0 });
  const contact = async (id: string, inboxId: string, externalId: string, blockedAt: number | null = null) => {
    await db.insert(contacts).values({ id, workspaceId: "w", name: `Name ${id}`, createdAt: 0 });
    await db.insert(contactIdentities).values({ inboxId, externalId, channel: "x", contactId: id, blockedAt });
  };
  await contact("ana", "wa", "5511");
  await contact("bia", "wa", "5522", 123);
  await contact("caio", "tg", "5511"); // the same platform id in another inbox is someone else
});
afterAll(() => close());

describe("senders looked up together", () => {
  it("each lookup asked at once gets its own sender's contact, per inbox, or nothing for a stranger", async () => {
    const lookups = new IdentityLookups({ db });
    const [ana, bia, caio, stranger] = await Promise.all([lookups.get("wa", "5511"), lookups.get("wa", "5522"), lookups.get("tg", "5511"), lookups.get("wa", "5599")]);
    expect(ana).toMatchObject({ id: "ana", name: "Name ana", blockedAt: null });
    expect(bia).toMatchObject({ id: "bia", blockedAt: 123 });
    expect(caio).toMatchObject({ id: "caio" });
    expect(stranger).toBeUndefined();
  });

  it("reads the record as it is at each lookup: nothing is remembered between them", async () => {
    const lookups = new IdentityLookups({ db });
    expect((await lookups.get("wa", "5511"))?.blockedAt).toBeNull();
    await db.update(contactIdentities).set({ blockedAt: 456 }).where(eq(contactIdentities.externalId, "5511"));
    expect((await lookups.get("wa", "5511"))?.blockedAt).toBe(456);
  });
});
