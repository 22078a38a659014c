/** Users of the workspace, for showing assignees by name. Loaded once per signed-in user. */
import type { User } from "@inbox/shared";
import { createMemo, type Accessor } from "solid-js";
import { api } from "../api/endpoints.ts";
import { createRequest } from "./request.ts";
import type { SessionSlice } from "./session.ts";

export interface UsersSlice {
  nameOf(id: string): string | undefined;
  all: Accessor<User[]>;
}

export function createUsersSlice(session: SessionSlice): UsersSlice {
  const users = createRequest(
    () => session.me()?.user.id ?? null,
    () => api.users().then((r) => r.users),
  );
  const byId = createMemo(() => new Map((users.data() ?? []).map((u) => [u.id, u])));
  return {
    nameOf: (id) => {
      const me = session.me()?.user;
      if (me && me.id === id) return me.name;
      return byId().get(id)?.name;
    },
    all: () => users.data() ?? [],
  };
}
