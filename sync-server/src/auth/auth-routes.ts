import { LoginRequestSchema, LoginResponseSchema, MeResponseSchema, SignInResponseSchema, seesAllTeams } from "@inbox/shared";
import { SecondFactorRequestSchema } from "@inbox/shared/api/account";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { passwordSignIn, secondFactorSignIn, signOut, type AuthDeps } from "./sessions.ts";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.ts";
import { teams, users, workspaces } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import type { AppEnv } from "../http/app-env.ts";
import { requestOrigin } from "../http/audit-actor.ts";

export function registerAuthRoutes(api: ApiRegistry, core: AuthDeps): void {
  api.publicRoute(
    {
      method: "post",
      path: "/api/auth/login",
      summary: "Sign in with email and password (accounts with two-factor sign-in get a challenge for step two)",
      tag: "auth",
      access: "public",
      body: LoginRequestSchema,
      response: SignInResponseSchema,
    },
    async ({ c, body }) => {
      const result = await passwordSignIn(core, body.email, body.password, requestOrigin(c));
      if (!("twoFactor" in result)) setSessionCookie(c, core, result);
      return result;
    },
  );

  api.publicRoute(
    {
      method: "post",
      path: "/api/auth/login/2fa",
      summary: "Sign-in step two: the challenge and a code from the authenticator app, or a recovery code (used once)",
      tag: "auth",
      access: "public",
      body: SecondFactorRequestSchema,
      response: LoginResponseSchema,
    },
    async ({ c, body }) => {
      const session = await secondFactorSignIn(core, body.challenge, body.code, requestOrigin(c));
      setSessionCookie(c, core, session);
      return session;
    },
  );

  api.userRoute(
    { method: "post", path: "/api/auth/logout", summary: "Sign out (ends this session)", tag: "auth", access: "user", response: z.null(), status: 204, whileEnrolling: true },
    async ({ c, user }) => {
      await signOut(core, user, requestOrigin(c));
      clearSessionCookie(c);
      return null;
    },
  );

  api.userRoute(
    { method: "get", path: "/api/me", summary: "The signed-in user, their workspace and visible teams", tag: "auth", access: "user", response: MeResponseSchema, whileEnrolling: true },
    async ({ user }) => {
      const [workspace, account] = await Promise.all([
        core.db.query.workspaces.findFirst({ where: eq(workspaces.id, user.workspaceId) }),
        core.db.query.users.findFirst({ where: eq(users.id, user.id), columns: { totpEnabledAt: true, avatar: true } }),
      ]);
      const visible =
        !seesAllTeams(user)
          ? await core.db.select().from(teams).where(inArray(teams.id, user.teamIds.length ? user.teamIds : [""]))
          : await core.db.select().from(teams).where(eq(teams.workspaceId, user.workspaceId));
      const { sessionTokenHash: _, mustEnrolTwoFactor = false, sessionLastUsedAt: _used, ...publicUser } = user;
      return {
        user: publicUser,
        workspace: workspace!,
        teams: visible,
        account: { twoFactorEnabled: account?.totpEnabledAt != null, mustEnrolTwoFactor, avatar: account?.avatar ?? null },
      };
    },
  );
}
