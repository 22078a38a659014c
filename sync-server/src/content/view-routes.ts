import { z } from "zod";
import {
  CreateSavedViewRequestSchema,
  RenameSavedViewRequestSchema,
  SavedViewListResponseSchema,
  SavedViewResponseSchema,
} from "@inbox/shared/domain/list-view";
import type { Writes } from "../db/record.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { createSavedView, deleteSavedView, listSavedViews, renameSavedView } from "./saved-views.ts";

/** The signed-in user's own saved list views; every route acts only on the caller's views. */
export function registerViewRoutes(api: ApiRegistry, core: Writes): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/me/views",
      summary: "Your saved conversation-list views (filters and sort), oldest first",
      tag: "me",
      access: "user",
      response: SavedViewListResponseSchema,
    },
    async ({ user }) => ({ views: await listSavedViews(core, user) }),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/me/views",
      summary: "Save the list's current filters and sort under a name",
      tag: "me",
      access: "user",
      body: CreateSavedViewRequestSchema,
      response: SavedViewResponseSchema,
      status: 201,
    },
    async ({ user, body }) => ({ view: await createSavedView(core, user, body) }),
  );

  api.userRoute(
    {
      method: "patch",
      path: "/api/me/views/:id",
      summary: "Rename one of your saved views",
      tag: "me",
      access: "user",
      body: RenameSavedViewRequestSchema,
      response: SavedViewResponseSchema,
    },
    async ({ user, params, body }) => ({ view: await renameSavedView(core, user, params.id!, body.name) }),
  );

  api.userRoute(
    {
      method: "delete",
      path: "/api/me/views/:id",
      summary: "Delete one of your saved views",
      tag: "me",
      access: "user",
      response: z.null(),
      status: 204,
    },
    async ({ user, params }) => {
      await deleteSavedView(core, user, params.id!);
      return null;
    },
  );
}
