ALTER TABLE `contacts` ADD `vip` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `contacts` ADD `company` text;
--> statement-breakpoint
ALTER TABLE `contacts` ADD `notes` text;
--> statement-breakpoint
ALTER TABLE `contacts` ADD `merged_into_id` text;
--> statement-breakpoint
CREATE TABLE `linked_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`conversation_id` text NOT NULL REFERENCES `conversations`(`id`),
	`title` text NOT NULL,
	`url` text NOT NULL,
	`created_by` text REFERENCES `users`(`id`),
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `linked_tickets_conversation` ON `linked_tickets` (`conversation_id`, `created_at`);
