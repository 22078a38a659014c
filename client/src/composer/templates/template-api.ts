/**
 * The approved templates of a chat's inbox: the copy kept on this device (`kv`
 * `composer.templates.<inboxId>`, so the picker works offline), refreshed from the server when
 * online. Read back through its schema: a copy an older app wrote that no longer fits is ignored.
 */
import { ConversationTemplatesResponseSchema, type ConversationTemplatesResponse } from "@inbox/shared/api/templates";
import type { LocalDb } from "../../local/db.ts";
import { request } from "../../api/http.ts";

const kvKey = (inboxId: string) => `composer.templates.${inboxId}`;

export function fetchTemplates(conversationId: string): Promise<ConversationTemplatesResponse> {
  return request(`/api/conversations/${encodeURIComponent(conversationId)}/templates`, { schema: ConversationTemplatesResponseSchema });
}

export async function loadKeptTemplates(db: LocalDb, inboxId: string): Promise<ConversationTemplatesResponse | null> {
  const row = await db.kv.get(kvKey(inboxId)).catch(() => undefined);
  const parsed = ConversationTemplatesResponseSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export function keepTemplates(db: LocalDb, answer: ConversationTemplatesResponse): Promise<void> {
  return db.kv.put({ key: kvKey(answer.inboxId), value: answer }).then(
    () => undefined,
    () => undefined,
  );
}
