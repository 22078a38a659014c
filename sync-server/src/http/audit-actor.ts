import type { Context } from "hono";
import type { AppEnv } from "./app-env.ts";
import { clientIp } from "./client-ip.ts";

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  /** The trusted client address (client-ip.ts), never a header the caller wrote. */
  ip: string | null;
  /** What the caller said it is: recorded as told, shown to admins as a hint, never trusted. */
  userAgent: string | null;
}

/** The actor fields of an audit row (db/event-rows.ts `AuditActor`). */
export interface ActorFields {
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  return { ip: clientIp(c), userAgent: c.req.header("user-agent") ?? null };
}

/**
 * Who did it, with their name as it is now (kept in the row, so the log still names them after
 * they are deleted), and from where. `from` is null for work no request started.
 */
export function auditActor(user: { id: string; name: string }, from: RequestOrigin | null): ActorFields {
  return { actorId: user.id, actorName: user.name, ip: from?.ip ?? null, userAgent: from?.userAgent ?? null };
}

/** The signed-in caller of this request as an audit actor. */
export function requestActor(c: Context<AppEnv>, user: { id: string; name: string }): ActorFields {
  return auditActor(user, requestOrigin(c));
}
