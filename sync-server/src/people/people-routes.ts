import { z } from "zod";
import {
  AcceptInvitationRequestSchema,
  AdminTeamResponseSchema,
  InvitationLinkResponseSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InviteRequestSchema,
  LoginResponseSchema,
  PeopleResponseSchema,
  PersonActiveRequestSchema,
  PersonResponseSchema,
  TeamRequestSchema,
  UpdatePersonRequestSchema,
  UpdateTeamRequestSchema,
} from "@inbox/shared";
import { CustomRoleInputSchema, RoleResponseSchema, RolesResponseSchema, rolesResponse } from "@inbox/shared/api/roles";
import { deleteCustomRole, listCustomRoles, saveCustomRole } from "./custom-roles.ts";
import { signIn } from "../auth/sessions.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestActor, requestOrigin } from "../http/audit-actor.ts";
import { acceptInvitation, invite, previewInvitation, resendInvitation, revokeInvitation } from "./invitations.ts";
import type { PeopleDeps } from "./people-deps.ts";
import { listInvitations, listPeople, listTeams } from "./people-list.ts";
import { setActive, updatePerson } from "./person-changes.ts";
import { createTeam, updateTeam } from "./teams-admin.ts";

/** The invitation link's token, sent in the body (it travels in the link's fragment, never in a URL the server logs). */
const TokenSchema = z.object({ token: z.string().min(20).max(200) });

/** People, invitations, teams and custom roles: those who manage people (admins), except the invitee's two public steps. */
export function registerPeopleRoutes(api: ApiRegistry, core: PeopleDeps): void {
  const originOf = (url: string) => core.endpoints.publicUrl || new URL(url).origin;
  api.userRoute(
    { method: "get", path: "/api/admin/people", summary: "Everyone in the workspace, the teams and the invitations", tag: "admin", access: { permission: "managePeople" }, response: PeopleResponseSchema },
    async ({ user }) => {
      const [people, teams, invitations] = await Promise.all([listPeople(core, user.workspaceId), listTeams(core, user.workspaceId), listInvitations(core, user.workspaceId)]);
      return { people, teams, invitations };
    },
  );
  api.userRoute(
    { method: "patch", path: "/api/admin/people/:id", summary: "Change someone's role, teams, capacity, languages or skills (at once)", tag: "admin", access: { permission: "managePeople" }, body: UpdatePersonRequestSchema, response: PersonResponseSchema },
    async ({ c, user, params, body }) => ({ person: await updatePerson(core, user, requestActor(c, user), params.id!, body) }),
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/people/:id/active",
      summary: "Deactivate (sessions end, chats return to the queue) or reactivate someone",
      tag: "admin",
      access: { permission: "managePeople" },
      body: PersonActiveRequestSchema,
      response: PersonResponseSchema,
    },
    async ({ c, user, params, body }) => ({ person: await setActive(core, user, requestActor(c, user), params.id!, body.active) }),
  );
  api.userRoute(
    { method: "post", path: "/api/admin/invitations", summary: "Invite someone by email with a role and teams; answers the link to copy", tag: "admin", access: { permission: "managePeople" }, body: InviteRequestSchema, response: InvitationLinkResponseSchema, status: 201 },
    async ({ c, user, body }) => invite(core, user, requestActor(c, user), originOf(c.req.url), body),
  );
  api.userRoute(
    { method: "post", path: "/api/admin/invitations/:id/resend", summary: "A new link for an invitation (the old one stops working)", tag: "admin", access: { permission: "managePeople" }, response: InvitationLinkResponseSchema },
    async ({ c, user, params }) => resendInvitation(core, user, requestActor(c, user), originOf(c.req.url), params.id!),
  );
  api.userRoute(
    { method: "post", path: "/api/admin/invitations/:id/revoke", summary: "Revoke an invitation", tag: "admin", access: { permission: "managePeople" }, response: z.object({ invitation: InvitationSchema }) },
    async ({ c, user, params }) => ({ invitation: await revokeInvitation(core, user, requestActor(c, user), params.id!) }),
  );
  api.userRoute(
    { method: "post", path: "/api/admin/teams", summary: "Create a team", tag: "admin", access: { permission: "managePeople" }, body: TeamRequestSchema, response: AdminTeamResponseSchema, status: 201 },
    async ({ c, user, body }) => ({ team: await createTeam(core, user, requestActor(c, user), body.name) }),
  );
  api.userRoute(
    { method: "patch", path: "/api/admin/teams/:id", summary: "Rename, archive or restore a team, or move inboxes to it", tag: "admin", access: { permission: "managePeople" }, body: UpdateTeamRequestSchema, response: AdminTeamResponseSchema },
    async ({ c, user, params, body }) => ({ team: await updateTeam(core, user, requestActor(c, user), params.id!, body) }),
  );

  const roles = "/api/admin/roles";
  api.userRoute(
    { method: "get", path: roles, summary: "The workspace's custom roles (permission sets) and the built-in roles' sets", tag: "admin", access: { permission: "managePeople" }, response: RolesResponseSchema },
    async ({ user }) => rolesResponse(await listCustomRoles(core, user.workspaceId)),
  );
  api.userRoute(
    { method: "post", path: roles, summary: "Make a custom role from a permission set", tag: "admin", access: { permission: "managePeople" }, body: CustomRoleInputSchema, response: RoleResponseSchema, status: 201 },
    async ({ c, user, body }) => ({ role: await saveCustomRole(core, user, requestActor(c, user), null, body) }),
  );
  api.userRoute(
    { method: "put", path: `${roles}/:id`, summary: "Change a custom role (its holders have the new permissions at once)", tag: "admin", access: { permission: "managePeople" }, body: CustomRoleInputSchema, response: RoleResponseSchema },
    async ({ c, user, params, body }) => ({ role: await saveCustomRole(core, user, requestActor(c, user), params.id!, body) }),
  );
  api.userRoute(
    { method: "delete", path: `${roles}/:id`, summary: "Delete a custom role (its holders go back to its base role)", tag: "admin", access: { permission: "managePeople" }, response: z.object({ holders: z.number().int() }) },
    async ({ c, user, params }) => deleteCustomRole(core, user, requestActor(c, user), params.id!),
  );

  api.publicRoute(
    { method: "post", path: "/api/invitations/preview", summary: "Who an invitation link is for (the invite page)", tag: "auth", access: "public", body: TokenSchema, response: InvitationPreviewSchema },
    async ({ body }) => previewInvitation(core, body.token),
  );
  api.publicRoute(
    {
      method: "post",
      path: "/api/invitations/accept",
      summary: "Accept an invitation: set name and password, and be signed in",
      tag: "auth",
      access: "public",
      body: TokenSchema.extend(AcceptInvitationRequestSchema.shape),
      response: LoginResponseSchema,
    },
    async ({ c, body }) => {
      const { email } = await acceptInvitation(core, requestOrigin(c), body.token, { name: body.name, password: body.password });
      const result = await signIn(core, email, body.password, requestOrigin(c));
      setSessionCookie(c, core, result);
      return result;
    },
  );
}
