/**
 * Users of the workspace, for showing assignees by name. Loaded once per signed-in user and
 * kept in the local database, so names still show offline.
 */
import type { User } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, type Accessor } from "solid-js";
import { loadApi } from "../api/load-api.ts";
import { loadUsers, saveUsers } from "../local/store.ts";
import type { LocalSlice } from "./local.ts";
import type { SessionSlice } from "./session.ts";

export interface UsersSlice {
  nameOf(id: string): string | undefined;
  all: Accessor<User[]>;
}

export function createUsersSlice(session: SessionSlice, local: LocalSlice): UsersSlice {
  const [users, setUsers] = createSignal<User[]>([]);
  createEffect(
    on(local.db, (db) => {
      setUsers([]);
      if (!db) return;
      let fresh = false;
      loadUsers(db).then((stored) => !fresh && stored.length > 0 && setUsers(stored), () => {});
      loadApi()
        .then((api) => api.users())
        .then(
          (r) => {
            fresh = true;
            setUsers(r.users);
            saveUsers(db, r.users).catch(() => {});
          },
          () => {
            // Offline: the stored list (if any) stands.
          },
        );
    }),
  );
  const byId = createMemo(() => new Map(users().map((u) => [u.id, u])));
  return {
    nameOf: (id) => {
      const me = session.me()?.user;
      if (me && me.id === id) return me.name;
      return byId().get(id)?.name;
    },
    all: users,
  };
}
