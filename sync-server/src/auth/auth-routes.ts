import { deleteCookie, setCookie } from "hono/cookie";
import { LoginRequestSchema, LoginResponseSchema, MeResponseSchema, seesAllTeams } from "@inbox/shared";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { SESSION_COOKIE, secureCookieFor, signIn, signOut, type AuthDeps } from "./sessions.ts";
import { teams, workspaces } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestOrigin } from "../http/audit-actor.ts";

export function registerAuthRoutes(api: ApiRegistry, core: AuthDeps): void {
  api.publicRoute(
    {
      method: "post",
      path: "/api/auth/login",
      summary: "Sign in with email and password",
      tag: "auth",
      access: "public",
      body: LoginRequestSchema,
      response: LoginResponseSchema,
    },
    async ({ c, body }) => {
      const result = await signIn(core, body.email, body.password, requestOrigin(c));
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: secureCookieFor(core, c.req.url),
        path: "/",
        expires: new Date(result.expiresAt),
      });
      return result;
    },
  );

  api.userRoute(
    { method: "post", path: "/api/auth/logout", summary: "Sign out (ends this session)", tag: "auth", access: "user", response: z.null(), status: 204 },
    async ({ c, user }) => {
      await signOut(core, user, requestOrigin(c));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return null;
    },
  );

  api.userRoute(
    { method: "get", path: "/api/me", summary: "The signed-in user, their workspace and visible teams", tag: "auth", access: "user", response: MeResponseSchema },
    async ({ user }) => {
      const workspace = (await core.db.query.workspaces.findFirst({ where: eq(workspaces.id, user.workspaceId) }))!;
      const visible =
        !seesAllTeams(user.role)
          ? await core.db.select().from(teams).where(inArray(teams.id, user.teamIds.length ? user.teamIds : [""]))
          : await core.db.select().from(teams).where(eq(teams.workspaceId, user.workspaceId));
      const { sessionTokenHash: _, ...publicUser } = user;
      return { user: publicUser, workspace, teams: visible };
    },
  );
}
