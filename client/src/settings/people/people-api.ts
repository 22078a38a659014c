/**
 * People, invitations and teams as Settings shows them (admins): fetched when the section opens
 * and kept on the device (Dexie `kv`, key `settings:people`) so the section renders offline from
 * the last copy; every change goes to the server, which decides and records it.
 */
import {
  AdminTeamResponseSchema,
  InvitationLinkResponseSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  LoginResponseSchema,
  PeopleResponseSchema,
  PersonResponseSchema,
  type InviteRequest,
  type PeopleResponse,
  type UpdatePersonRequest,
  type UpdateTeamRequest,
} from "@inbox/shared";
import { z } from "zod";
import { createSignal, type Accessor } from "solid-js";
import { asApiError, request } from "../../api/http.ts";
import type { LocalDb } from "../../local/db.ts";

export const KV_PEOPLE = "settings:people";
const id = (v: string) => encodeURIComponent(v);

export const peopleApi = {
  list: () => request("/api/admin/people", { schema: PeopleResponseSchema }),
  update: (personId: string, body: UpdatePersonRequest) => request(`/api/admin/people/${id(personId)}`, { method: "PATCH", body, schema: PersonResponseSchema }),
  setActive: (personId: string, active: boolean) => request(`/api/admin/people/${id(personId)}/active`, { method: "POST", body: { active }, schema: PersonResponseSchema }),
  invite: (body: InviteRequest) => request("/api/admin/invitations", { method: "POST", body, schema: InvitationLinkResponseSchema }),
  resend: (invitationId: string) => request(`/api/admin/invitations/${id(invitationId)}/resend`, { method: "POST", schema: InvitationLinkResponseSchema }),
  revoke: (invitationId: string) => request(`/api/admin/invitations/${id(invitationId)}/revoke`, { method: "POST", schema: z.object({ invitation: InvitationSchema }) }),
  createTeam: (name: string) => request("/api/admin/teams", { method: "POST", body: { name }, schema: AdminTeamResponseSchema }),
  updateTeam: (teamId: string, body: UpdateTeamRequest) => request(`/api/admin/teams/${id(teamId)}`, { method: "PATCH", body, schema: AdminTeamResponseSchema }),
};

/** The invitee's two steps (no session yet). */
export const invitationApi = {
  preview: (token: string) => request("/api/invitations/preview", { method: "POST", body: { token }, schema: InvitationPreviewSchema }),
  accept: (token: string, name: string, password: string) => request("/api/invitations/accept", { method: "POST", body: { token, name, password }, schema: LoginResponseSchema }),
};

export interface PeopleStore {
  data: Accessor<PeopleResponse | null>;
  /** False while what shows is the device's copy. */
  fresh: Accessor<boolean>;
  loadError: Accessor<string | null>;
  /** Fetches again (after a change: the server's answer is the truth, e.g. chats returned to the queue). */
  reload(): Promise<void>;
}

export function createPeopleStore(db: LocalDb | null): PeopleStore {
  const [data, setData] = createSignal<PeopleResponse | null>(null);
  const [fresh, setFresh] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  void db?.kv.get(KV_PEOPLE).then(
    (row) => {
      const stored = PeopleResponseSchema.safeParse(row?.value);
      if (stored.success && !fresh()) setData(stored.data);
    },
    () => {},
  );
  const reload = () =>
    peopleApi.list().then(
      (answer) => {
        setFresh(true);
        setLoadError(null);
        setData(answer);
        void db?.kv.put({ key: KV_PEOPLE, value: answer }).catch(() => {});
      },
      (err: unknown) => {
        setLoadError(asApiError(err).message);
      },
    );
  void reload();
  return { data, fresh, loadError, reload };
}
