-- Since when the customer has been waiting for an answer (ms): set by the first customer message
-- after an agent's reply (or the first ever), cleared when an agent's reply is stored. NULL: not
-- waiting. The list's "oldest waiting" sort and its "waiting 12 min" come from it.
ALTER TABLE `conversations` ADD `waiting_since` integer;
--> statement-breakpoint
-- Backfill from the messages already stored: the first customer message after the last agent
-- one. Only rows that are waiting are touched, so devices re-pull just those.
UPDATE `conversations` SET `waiting_since` = (
  SELECT min(m.created_at) FROM messages m
  WHERE m.conversation_id = conversations.id AND m.sender_kind = 'customer'
    AND m.created_at > coalesce(
      (SELECT max(a.created_at) FROM messages a WHERE a.conversation_id = conversations.id AND a.sender_kind = 'agent'), -1)
)
WHERE EXISTS (
  SELECT 1 FROM messages m
  WHERE m.conversation_id = conversations.id AND m.sender_kind = 'customer'
    AND m.created_at > coalesce(
      (SELECT max(a.created_at) FROM messages a WHERE a.conversation_id = conversations.id AND a.sender_kind = 'agent'), -1)
);
