/**
 * The workspace's custom roles as Settings shows them (those who manage people): fetched when
 * Settings opens, and one store serves both the Roles section and People & teams, so a role made
 * in one is offered in the other at once. The last copy is kept on the device (Dexie `kv`, key
 * `settings:roles`) only so People & teams names people's roles offline; roles themselves are
 * changed online only (the server checks, records and audits each change).
 */
import { RoleResponseSchema, RolesResponseSchema, type CustomRoleInput, type RolesResponse } from "@inbox/shared/api/roles";
import { createSignal, type Accessor } from "solid-js";
import { z } from "zod";
import { asApiError, request } from "../../api/http.ts";
import type { LocalDb } from "../../local/db.ts";

export const KV_ROLES = "settings:roles";
const BASE = "/api/admin/roles";
const id = (v: string) => encodeURIComponent(v);

export const rolesApi = {
  list: () => request(BASE, { schema: RolesResponseSchema }),
  create: (role: CustomRoleInput) => request(BASE, { method: "POST", body: role, schema: RoleResponseSchema }),
  update: (roleId: string, role: CustomRoleInput) => request(`${BASE}/${id(roleId)}`, { method: "PUT", body: role, schema: RoleResponseSchema }),
  remove: (roleId: string) => request(`${BASE}/${id(roleId)}`, { method: "DELETE", schema: z.object({ holders: z.number().int() }) }),
};

export interface RolesStore {
  data: Accessor<RolesResponse | null>;
  loadError: Accessor<string | null>;
  reload(): Promise<void>;
  /** Counts the roles changed or deleted here: people's roles moved with them, so their list is read again. */
  edits: Accessor<number>;
  /** After a role was saved or deleted: read the roles again and tell the people list. */
  edited(): Promise<void>;
}

export function createRolesStore(db: LocalDb | null): RolesStore {
  const [data, setData] = createSignal<RolesResponse | null>(null);
  const [fresh, setFresh] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [edits, setEdits] = createSignal(0);
  void db?.kv.get(KV_ROLES).then(
    (row) => {
      const stored = RolesResponseSchema.safeParse(row?.value);
      if (stored.success && !fresh()) setData(stored.data);
    },
    () => {},
  );
  const reload = () =>
    rolesApi.list().then(
      (answer) => {
        setFresh(true);
        setLoadError(null);
        setData(answer);
        void db?.kv.put({ key: KV_ROLES, value: answer }).catch(() => {});
      },
      (err: unknown) => {
        setLoadError(asApiError(err).message);
      },
    );
  const edited = async () => {
    setEdits((n) => n + 1);
    await reload();
  };
  void reload();
  return { data, loadError, reload, edits, edited };
}
