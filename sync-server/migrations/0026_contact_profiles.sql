-- Contacts' names and pictures from the platforms' profile APIs (issue 16): who gave a contact's
-- name (a platform's is replaced by a newer profile, an agent's never), the picture's URL, and
-- per identity when its profile is next due (an index, for the refresher's scan).
ALTER TABLE `contact_identities` ADD `profile_due_at` integer;--> statement-breakpoint
ALTER TABLE `contact_identities` ADD `profile_checked_at` integer;--> statement-breakpoint
ALTER TABLE `contact_identities` ADD `profile_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `contact_identities_profile_due` ON `contact_identities` (`profile_due_at`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `name_source` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `avatar_url` text;