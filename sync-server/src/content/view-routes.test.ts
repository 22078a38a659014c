import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SAVED_VIEWS, SavedViewListResponseSchema, SavedViewResponseSchema } from "@inbox/shared/domain/list-view";
import { events } from "../db/schema.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let server: TestServer;
let ana: string;
let bruno: string;
beforeAll(async () => {
  server = await startTestServer();
  [ana, bruno] = await Promise.all([server.login("ana@demo.inbox"), server.login("bruno@demo.inbox")]);
});
afterAll(() => server.stop());

const create = (token: string, json: unknown) => server.api("/api/me/views", { method: "POST", token, json });
const list = async (token: string) => SavedViewListResponseSchema.parse(await (await server.api("/api/me/views", { token })).json()).views;

describe("saved views", () => {
  it("saves, lists, renames and deletes an agent's view, each change an event", async () => {
    const res = await create(ana, { name: "  WhatsApp open ", view: { channels: ["whatsapp"], statuses: ["open"], sort: "oldest_waiting" } });
    expect(res.status).toBe(201);
    const { view } = SavedViewResponseSchema.parse(await res.json());
    expect(view.name).toBe("WhatsApp open");
    // What the client left out is filled with the defaults, so every reader gets a whole view.
    expect(view.view).toEqual({ tab: "all", channels: ["whatsapp"], statuses: ["open"], labels: [], teamIds: [], priorities: [], sort: "oldest_waiting" });
    expect((await list(ana)).map((v) => v.name)).toEqual(["WhatsApp open"]);

    const renamed = await server.api(`/api/me/views/${view.id}`, { method: "PATCH", token: ana, json: { name: "Waiting on WhatsApp" } });
    expect(renamed.status).toBe(200);
    expect((await list(ana)).map((v) => v.name)).toEqual(["Waiting on WhatsApp"]);

    const gone = await server.api(`/api/me/views/${view.id}`, { method: "DELETE", token: ana });
    expect(gone.status).toBe(204);
    expect(await list(ana)).toEqual([]);

    const rows = await server.core.db.select().from(events).where(like(events.type, "view.%"));
    expect(rows.filter((e) => e.data.viewId === view.id).map((e) => e.type)).toEqual(["view.saved", "view.renamed", "view.deleted"]);
  });

  it("keeps each agent's views to themselves: others can neither see, rename nor delete them", async () => {
    const { view } = SavedViewResponseSchema.parse(await (await create(ana, { name: "Mine urgent", view: { tab: "mine", priorities: ["urgent"] } })).json());
    expect(await list(bruno)).toEqual([]);
    const rename = await server.api(`/api/me/views/${view.id}`, { method: "PATCH", token: bruno, json: { name: "Hijacked" } });
    expect(rename.status).toBe(404);
    expect((await rename.json()).error.message).toBe("That saved view was not found.");
    expect((await server.api(`/api/me/views/${view.id}`, { method: "DELETE", token: bruno })).status).toBe(404);
    expect((await list(ana)).map((v) => v.name)).toContain("Mine urgent");
    expect((await server.api("/api/me/views")).status).toBe(401);
  });

  it("refuses an empty name, an unknown filter value and a malformed view with a sentence", async () => {
    const empty = await create(ana, { name: "   ", view: {} });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain("Give the view a name.");
    expect((await create(ana, { name: "Fax", view: { channels: ["fax"] } })).status).toBe(400);
    expect((await create(ana, { name: "Odd", view: { sort: "random" } })).status).toBe(400);
    expect((await create(ana, { name: "Odd", view: "all" })).status).toBe(400);
  });

  it("stops at the limit with a way out", async () => {
    const token = await server.login("supervisor@demo.inbox");
    for (let i = 0; i < MAX_SAVED_VIEWS; i++) expect((await create(token, { name: `View ${i}`, view: {} })).status).toBe(201);
    const over = await create(token, { name: "One more", view: {} });
    expect(over.status).toBe(409);
    expect((await over.json()).error.message).toMatch(/Delete one you no longer use/);
  });
});
