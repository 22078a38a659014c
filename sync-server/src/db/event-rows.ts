import { newId, type EventType } from "@inbox/shared";
import type { Reads } from "./record.ts";
import { auditLog, events } from "./schema.ts";

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

interface AuditInput {
  workspaceId: string;
  actorId: string | null;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
  at: number;
}

export function auditInsert(core: Reads, a: AuditInput) {
  return core.db.insert(auditLog).values({
    workspaceId: a.workspaceId,
    actorId: a.actorId,
    action: a.action,
    target: a.target ?? null,
    data: a.data ?? {},
    ip: a.ip ?? null,
    at: a.at,
  });
}
