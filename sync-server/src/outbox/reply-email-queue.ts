import { sql } from "drizzle-orm";
import type { Writes } from "../db/record.ts";

/** How long a reply waits for the visitor to come back before it is emailed. */
export const REPLY_EMAIL_DELAY_MS = 60_000;

/**
 * The statement that queues an agent's web chat reply for email, to commit with the reply's
 * "sent" outcome: only when the message is an agent's in a web chat and its visitor left an
 * email address in the widget (so the reply can reach them). Nothing when it does not apply.
 */
export function queueReplyEmail(core: Writes, messageId: string, at: number) {
  return core.db.run(sql`
    insert into reply_emails (message_id, workspace_id, contact_id, due_at, attempts, created_at)
    select m.id, m.workspace_id, c.contact_id, ${at + REPLY_EMAIL_DELAY_MS}, 0, ${at}
    from messages m
    join conversations c on c.id = m.conversation_id
    join contacts k on k.id = c.contact_id
    join inboxes i on i.id = m.inbox_id
    where m.id = ${messageId} and m.sender_kind = 'agent' and i.channel = 'webchat'
      and k.email is not null and k.email_left_at is not null and k.erased_at is null
    on conflict (message_id) do nothing`);
}
