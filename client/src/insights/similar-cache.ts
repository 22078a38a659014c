/**
 * The server's last answer per conversation, kept in the device's `kv` so the panel shows it
 * offline. Read back through its schema: an older app's copy that no longer fits is ignored.
 */
import { SimilarConversationSchema, type SimilarConversation } from "@inbox/shared/api/insights";
import { z } from "zod";
import type { LocalDb } from "../local/db.ts";

const KV_PREFIX = "insights:similar:";
const CachedSchema = z.object({ at: z.number(), similar: z.array(SimilarConversationSchema) });
export type CachedSimilar = z.infer<typeof CachedSchema>;

export function saveSimilar(db: LocalDb, conversationId: string, similar: SimilarConversation[], at = Date.now()): Promise<void> {
  return db.kv.put({ key: KV_PREFIX + conversationId, value: { at, similar } }).then(
    () => undefined,
    () => undefined,
  );
}

export async function loadSimilar(db: LocalDb, conversationId: string): Promise<CachedSimilar | null> {
  const row = await db.kv.get(KV_PREFIX + conversationId).catch(() => undefined);
  const parsed = CachedSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}
