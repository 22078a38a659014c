CREATE TABLE `routing_state` (
	`team_id` text PRIMARY KEY NOT NULL,
	`last_user_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
