/** The supervisor's reads for intervening: each person's chats against their capacity. */
import { AssigneeLoadSchema, type AssigneeLoad } from "@inbox/shared";
import { z } from "zod";
import { api } from "../../api/endpoints.ts";
import type { LocalDb } from "../../local/db.ts";

const KV_LOADS = "assigneeLoads";
const StoredSchema = z.object({ at: z.number(), loads: z.array(AssigneeLoadSchema) });
export type StoredLoads = z.infer<typeof StoredSchema>;

/**
 * The loads, fresh from the server and kept on the device; offline (or refused), the device's
 * last copy with the time it was read, so the picker still draws and says how old it is.
 */
export async function fetchLoads(db: LocalDb | null): Promise<{ loads: AssigneeLoad[]; at: number; cached: boolean }> {
  try {
    const { loads } = await api.assigneeLoads();
    const at = Date.now();
    void db?.kv.put({ key: KV_LOADS, value: { at, loads } satisfies StoredLoads }).catch(() => {});
    return { loads, at, cached: false };
  } catch (err) {
    const stored = StoredSchema.safeParse((await db?.kv.get(KV_LOADS).catch(() => undefined))?.value);
    if (stored.success) return { ...stored.data, cached: true };
    throw err;
  }
}
