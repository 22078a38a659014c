ALTER TABLE `push_deliveries` ADD `conversation_id` text;--> statement-breakpoint
CREATE INDEX `push_deliveries_conversation` ON `push_deliveries` (`conversation_id`);--> statement-breakpoint
ALTER TABLE `push_subscriptions` ADD `session_hash` text;--> statement-breakpoint
CREATE INDEX `push_subscriptions_session` ON `push_subscriptions` (`session_hash`);--> statement-breakpoint
DELETE FROM `push_deliveries`;--> statement-breakpoint
DELETE FROM `push_subscriptions` WHERE `session_hash` IS NULL;--> statement-breakpoint
CREATE TRIGGER push_subscriptions_session_end AFTER DELETE ON sessions BEGIN DELETE FROM push_deliveries WHERE subscription_id IN (SELECT id FROM push_subscriptions WHERE session_hash = OLD.token_hash); DELETE FROM push_subscriptions WHERE session_hash = OLD.token_hash; END;
