import stableStringify from "fast-json-stable-stringify";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { auditLog } from "../db/schema.ts";

export type AuditRow = typeof auditLog.$inferSelect;

/** The "previous hash" of a workspace's first entry. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * An entry's seal: sha256 over the previous entry's hash and the entry's stored fields as
 * canonical JSON (keys sorted at every depth, so the same row always gives the same text,
 * whichever process reads it). Every stored field is covered, so changing any of them, or
 * removing or reordering entries, changes the hashes from there on.
 */
export function entryHash(prevHash: string, row: AuditRow): string {
  const content = stableStringify({
    id: row.id,
    workspaceId: row.workspaceId,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    target: row.target,
    data: row.data,
    ip: row.ip,
    userAgent: row.userAgent,
    at: row.at,
  });
  return bytesToHex(sha256(utf8ToBytes(`${prevHash}\n${content}`)));
}
