/**
 * An agent's saved list views: named filters + sort, per user. Only the owner lists, renames or
 * deletes a view; anyone else gets "not found" (a view's existence is nobody else's business).
 * Each change is written with its event row in one batch.
 */
import { and, asc, count, eq } from "drizzle-orm";
import { newId, type EventType } from "@inbox/shared";
import { ListViewSchema, MAX_SAVED_VIEWS, type CreateSavedViewRequest, type SavedView } from "@inbox/shared/domain/list-view";
import type { Writes } from "../db/record.ts";
import { savedViews } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, refused } from "../http/http-error.ts";
import { eventInsert } from "../db/event-rows.ts";

type SavedViewRow = typeof savedViews.$inferSelect;

function toSavedView(row: SavedViewRow): SavedView {
  // Parsed rather than cast: a view stored by an older version gains the fields added since.
  return { id: row.id, name: row.name, view: ListViewSchema.parse(row.view), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

const owned = (user: SessionUser, id: string) => and(eq(savedViews.id, id), eq(savedViews.userId, user.id));

function viewEvent(core: Writes, user: SessionUser, type: EventType, data: Record<string, unknown>, at: number) {
  return eventInsert(core, { workspaceId: user.workspaceId, type, actorKind: "agent", actorId: user.id, data, at });
}

export async function listSavedViews(core: Writes, user: SessionUser): Promise<SavedView[]> {
  const rows = await core.db.select().from(savedViews).where(eq(savedViews.userId, user.id)).orderBy(asc(savedViews.createdAt), asc(savedViews.id));
  return rows.map(toSavedView);
}

export async function createSavedView(core: Writes, user: SessionUser, input: CreateSavedViewRequest): Promise<SavedView> {
  return core.locks.run(`views:${user.id}`, async () => {
    const [{ n } = { n: 0 }] = await core.db.select({ n: count() }).from(savedViews).where(eq(savedViews.userId, user.id));
    if (n >= MAX_SAVED_VIEWS) {
      throw refused(409, "conflict", "saved_views_full", { max: String(MAX_SAVED_VIEWS) });
    }
    const at = core.now();
    const row: SavedViewRow = { id: newId(), workspaceId: user.workspaceId, userId: user.id, name: input.name, view: input.view, createdAt: at, updatedAt: at };
    await core.writer.write([core.db.insert(savedViews).values(row), viewEvent(core, user, "view.saved", { viewId: row.id, name: row.name }, at)]);
    return toSavedView(row);
  });
}

async function findOwned(core: Writes, user: SessionUser, id: string): Promise<SavedViewRow> {
  const row = await core.db.query.savedViews.findFirst({ where: owned(user, id) });
  if (!row) throw notFound("saved_view");
  return row;
}

export async function renameSavedView(core: Writes, user: SessionUser, id: string, name: string): Promise<SavedView> {
  const row = await findOwned(core, user, id);
  const at = core.now();
  await core.writer.write([
    core.db.update(savedViews).set({ name, updatedAt: at }).where(owned(user, id)),
    viewEvent(core, user, "view.renamed", { viewId: id, from: row.name, to: name }, at),
  ]);
  return toSavedView({ ...row, name, updatedAt: at });
}

export async function deleteSavedView(core: Writes, user: SessionUser, id: string): Promise<void> {
  const row = await findOwned(core, user, id);
  await core.writer.write([
    core.db.delete(savedViews).where(owned(user, id)),
    viewEvent(core, user, "view.deleted", { viewId: id, name: row.name }, core.now()),
  ]);
}
