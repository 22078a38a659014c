-- Durability under crashes (issue 10).
--
-- A webhook's claim names its holder (one id per server process) beside the lease's end, so a
-- restarted server takes back what its killed predecessor held at once, and anyone takes back
-- a lease nobody renewed. `processed_at` dates done and failed webhooks for the retention prune.
ALTER TABLE `webhook_events` ADD `claimed_by` text;
--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `processed_at` integer;
--> statement-breakpoint
UPDATE `webhook_events` SET `processed_at` = `received_at` WHERE `state` IN ('done', 'failed');
--> statement-breakpoint
CREATE INDEX `webhook_events_processed` ON `webhook_events` (`state`,`processed_at`);
--> statement-breakpoint
-- An outbox send is claimed (state 'sending', holder, lease) and its attempt recorded before the
-- platform is called; the outcome is committed right after. A 'sending' row whose holder died
-- is an attempt whose outcome nobody knows.
ALTER TABLE `outbox` ADD `claimed_by` text;
--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_until` integer;
--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempt_started_at` integer;
--> statement-breakpoint
-- Each conversation's arrival sequence: platform timestamps have one-second resolution, so six
-- quick messages tie on time; the order they were stored in is the order they are shown in.
ALTER TABLE `messages` ADD `position` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Existing messages: time order, ties in the order they were stored (rowid). This touches every
-- message, so devices pull them again and learn their positions.
UPDATE `messages` SET `position` = ranked.n
FROM (SELECT rowid AS r, row_number() OVER (PARTITION BY conversation_id ORDER BY created_at, rowid) AS n FROM messages) AS ranked
WHERE messages.rowid = ranked.r;
--> statement-breakpoint
CREATE INDEX `messages_conversation_position` ON `messages` (`conversation_id`,`position`);
--> statement-breakpoint
-- Stamped by the database in the inserting transaction, with the change sequence, so no write
-- path can forget it (one UPDATE: a second one would fire the seq update trigger again).
DROP TRIGGER `messages_seq_insert`;
--> statement-breakpoint
CREATE TRIGGER messages_seq_insert AFTER INSERT ON messages BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE messages SET seq = (SELECT value FROM sync_counter WHERE id = 1), position = (SELECT coalesce(max(position), 0) + 1 FROM messages WHERE conversation_id = NEW.conversation_id) WHERE rowid = NEW.rowid; END;
