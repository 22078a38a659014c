import { newId, type EventType } from "@inbox/shared";
import { sql } from "drizzle-orm";
import type { Reads } from "./record.ts";
import { auditLog, events, users } from "./schema.ts";

interface EventInput {
  workspaceId: string;
  type: EventType;
  conversationId?: string | null;
  actorKind: "customer" | "agent" | "bot" | "system";
  actorId?: string | null;
  data?: Record<string, unknown>;
  at: number;
}

/** An event insert to batch with the state change it records, so both commit or neither. */
export function eventInsert(core: Reads, e: EventInput) {
  return core.db.insert(events).values({
    id: newId(),
    workspaceId: e.workspaceId,
    type: e.type,
    conversationId: e.conversationId ?? null,
    actorKind: e.actorKind,
    actorId: e.actorId ?? null,
    data: e.data ?? {},
    at: e.at,
  });
}

/**
 * Who did it and from where, as an audit row keeps it. The name is stored (not only the id) so
 * the log still says who it was after the person is deleted; `http/audit-actor.ts` builds this
 * from a request and its session user.
 */
export interface AuditActor {
  actorId: string | null;
  /** Omitted: the actor's current name is read from `users` in the same statement. */
  actorName?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

interface AuditInput extends AuditActor {
  workspaceId: string;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
  at: number;
}

/** Keys whose values never belong in the log, whatever a caller hands in (the log cannot be edited later). */
const SECRET_KEY = /password|passphrase|secret|token|credential|api[-_]?key|private[-_]?key|authori[sz]ation|cookie/i;

/** The change as recorded: secrets replaced by a marker at any depth, so an entry can show that they changed. */
export function withoutSecrets(data: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : clean(v)]));
  };
  return clean(data) as Record<string, unknown>;
}

/** The longest user agent kept: enough to tell browsers and apps apart, never a stored payload. */
export const USER_AGENT_MAX = 512;

export function auditInsert(core: Reads, a: AuditInput) {
  return core.db.insert(auditLog).values({
    workspaceId: a.workspaceId,
    actorId: a.actorId,
    actorName:
      a.actorName !== undefined ? a.actorName : a.actorId ? sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${a.actorId})` : null,
    action: a.action,
    target: a.target ?? null,
    data: withoutSecrets(a.data ?? {}),
    ip: a.ip ?? null,
    userAgent: a.userAgent ? a.userAgent.slice(0, USER_AGENT_MAX) : null,
    at: a.at,
  });
}
