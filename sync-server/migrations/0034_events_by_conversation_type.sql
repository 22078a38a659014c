-- Routing asks, for every waiting chat, which routing rule last fired on it (routing-conditions.ts:
-- ruleRouting); by conversation alone that read every event of the chat, its messages included.
CREATE INDEX `events_conversation_type` ON `events` (`conversation_id`,`type`);--> statement-breakpoint
DROP INDEX `events_conversation`;
