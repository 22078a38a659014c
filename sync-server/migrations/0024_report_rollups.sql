CREATE TABLE `report_cursor` (
	`id` integer PRIMARY KEY NOT NULL,
	`last_event_rowid` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_dirty` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`marks` integer DEFAULT 1 NOT NULL,
	`since` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- WITHOUT ROWID added by hand (drizzle-kit does not write it): both tables are clustered on their keys, see schema.ts.
CREATE TABLE `report_facts` (
	`workspace_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`n` integer NOT NULL,
	`kind` text NOT NULL,
	`metric` text NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	`agent_id` text DEFAULT '' NOT NULL,
	`team_id` text DEFAULT '' NOT NULL,
	`inbox_id` text DEFAULT '' NOT NULL,
	`channel` text DEFAULT '' NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`ms` integer,
	`business_ms` integer,
	`person_id` text,
	`delta` integer,
	`until` integer,
	PRIMARY KEY(`workspace_id`, `kind`, `at`, `conversation_id`, `n`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `report_facts_conversation` ON `report_facts` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `report_facts_person` ON `report_facts` (`person_id`,`at`);--> statement-breakpoint
CREATE INDEX `report_facts_unread_until` ON `report_facts` (`workspace_id`,`until`) WHERE kind = 'unread';--> statement-breakpoint
CREATE TABLE `report_hours` (
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`hour` integer NOT NULL,
	`metric` text NOT NULL,
	`outcome` text NOT NULL,
	`agent_id` text NOT NULL,
	`team_id` text NOT NULL,
	`inbox_id` text NOT NULL,
	`channel` text NOT NULL,
	`priority` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `kind`, `hour`, `metric`, `outcome`, `agent_id`, `team_id`, `inbox_id`, `channel`, `priority`)
) WITHOUT ROWID;
