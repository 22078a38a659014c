import type { AuthDeps } from "../auth/index.ts";

/** What a person's own account needs: the record, passwords, the server's key, this process's sockets. */
export type AccountDeps = AuthDeps;
