/**
 * Users of the workspace, for showing assignees by name. Loaded once per signed-in user and
 * kept in the local database, so names still show offline.
 */
import type { User } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, untrack, type Accessor } from "solid-js";
import { loadApi } from "../api/load-api.ts";
import { loadUsers, saveUsers } from "../local/store.ts";
import type { LocalSlice } from "./local.ts";
import type { SessionSlice } from "./session.ts";

export interface UsersSlice {
  nameOf(id: string): string | undefined;
  all: Accessor<User[]>;
}

export function createUsersSlice(session: SessionSlice, local: LocalSlice, listDrawn: Accessor<boolean>): UsersSlice {
  const [users, setUsers] = createSignal<User[]>([]);
  let fresh = false;
  createEffect(
    on(local.db, (db) => {
      setUsers([]);
      fresh = false;
      if (!db) return;
      loadUsers(db).then((stored) => !fresh && untrack(local.db) === db && stored.length > 0 && setUsers(stored), () => {});
    }),
  );
  // The server's list once the inbox has drawn its first rows: the API layer's chunk is not part
  // of the first load (issue 17).
  createEffect(
    on([local.db, listDrawn], ([db, drawn]) => {
      if (!db || !drawn) return;
      loadApi()
        .then((api) => api.users())
        .then(
          (r) => {
            if (untrack(local.db) !== db) return;
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
