-- Media belongs to a workspace and, once a message carries it, to that message's conversation;
-- until then to the agent who uploaded it. Reading /media/<key> checks the conversation.
CREATE TABLE `media` (
	`key` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`uploader_id` text,
	`conversation_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
-- Files stored before this migration: owned by the conversation whose message carries them.
INSERT OR IGNORE INTO `media` (`key`, `workspace_id`, `conversation_id`, `created_at`)
	SELECT substr(json_extract(`content`, '$.url'), 8), `workspace_id`, `conversation_id`, `created_at`
	FROM `messages` WHERE json_extract(`content`, '$.url') LIKE '/media/%';
--> statement-breakpoint
-- A message that carries a file places it in its conversation, in the same transaction, whoever
-- wrote the message (agent reply, platform ingest, edit): no code path can forget it.
CREATE TRIGGER `media_placed_on_insert` AFTER INSERT ON `messages`
	WHEN json_extract(NEW.`content`, '$.url') LIKE '/media/%'
BEGIN
	UPDATE `media` SET `conversation_id` = NEW.`conversation_id`
	WHERE `key` = substr(json_extract(NEW.`content`, '$.url'), 8) AND `conversation_id` IS NULL AND `workspace_id` = NEW.`workspace_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `media_placed_on_update` AFTER UPDATE OF `content` ON `messages`
	WHEN json_extract(NEW.`content`, '$.url') LIKE '/media/%'
BEGIN
	UPDATE `media` SET `conversation_id` = NEW.`conversation_id`
	WHERE `key` = substr(json_extract(NEW.`content`, '$.url'), 8) AND `conversation_id` IS NULL AND `workspace_id` = NEW.`workspace_id`;
END;
--> statement-breakpoint
-- Failed sign-ins per account (`account:<email>`) and per address (`address:<ip>`), in the
-- record so every instance applies the same backoff.
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	`locked_until` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Command client ids are unique per workspace, not across the server.
CREATE TABLE `processed_commands_new` (
	`workspace_id` text NOT NULL,
	`client_id` text NOT NULL,
	`user_id` text NOT NULL,
	`result` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `client_id`)
);
--> statement-breakpoint
INSERT INTO `processed_commands_new` (`workspace_id`, `client_id`, `user_id`, `result`, `at`)
	SELECT `users`.`workspace_id`, `p`.`client_id`, `p`.`user_id`, `p`.`result`, `p`.`at`
	FROM `processed_commands` AS `p` JOIN `users` ON `users`.`id` = `p`.`user_id`;
--> statement-breakpoint
DROP TABLE `processed_commands`;
--> statement-breakpoint
ALTER TABLE `processed_commands_new` RENAME TO `processed_commands`;
--> statement-breakpoint
-- Knowledge-base slugs are unique per workspace; the public page is /kb/<workspaceId>/<slug>.
-- Articles that existed before keep answering their old /kb/<slug> link (slugs were unique then).
DROP INDEX `kb_articles_slug`;
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_articles_workspace_slug` ON `kb_articles` (`workspace_id`, `slug`);
--> statement-breakpoint
ALTER TABLE `kb_articles` ADD `legacy_link` integer DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE `kb_articles` SET `legacy_link` = true;
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_articles_legacy_slug` ON `kb_articles` (`slug`) WHERE `legacy_link` = true;
