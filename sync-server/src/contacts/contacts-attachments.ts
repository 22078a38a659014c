import { and, desc, inArray, sql } from "drizzle-orm";
import { MessageContentSchema } from "@inbox/shared";
import type { Attachment } from "@inbox/shared/api/contacts";
import type { Reads } from "../db/record.ts";
import { messages } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { contactForUser } from "./contacts.ts";

/** The newest attachments shown in the panel; older ones are in their conversations. */
const ATTACHMENT_LIMIT = 200;
const MEDIA_KINDS = ["image", "audio", "video", "file"] as const;

/** Images, audio, video and files from the person's conversations the caller may see, newest first. */
export async function contactAttachments(core: Reads, user: SessionUser, contactId: string): Promise<Attachment[]> {
  const { visible } = await contactForUser(core, user, contactId);
  const rows = await core.db
    .select({ id: messages.id, conversationId: messages.conversationId, content: messages.content, senderKind: messages.senderKind, createdAt: messages.createdAt })
    .from(messages)
    .where(
      and(
        inArray(messages.conversationId, visible.map((c) => c.id)),
        inArray(sql`json_extract(${messages.content}, '$.kind')`, [...MEDIA_KINDS]),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(ATTACHMENT_LIMIT);
  const out: Attachment[] = [];
  for (const r of rows) {
    const content = MessageContentSchema.parse(r.content);
    if (content.kind !== "image" && content.kind !== "audio" && content.kind !== "video" && content.kind !== "file") continue;
    out.push({
      messageId: r.id,
      conversationId: r.conversationId,
      kind: content.kind,
      url: content.url,
      mimeType: content.mimeType,
      name: content.kind === "file" ? content.filename : content.kind === "audio" ? null : (content.caption ?? null),
      voice: content.kind === "audio" && content.voice === true,
      senderKind: r.senderKind as Attachment["senderKind"],
      createdAt: r.createdAt,
    });
  }
  return out;
}
