-- The workspace calendar (shared BusinessCalendar JSON: zone, hours per weekday, holidays); null
-- until an admin sets one (DEFAULT_CALENDAR applies).
ALTER TABLE `workspaces` ADD `business_calendar` text;
--> statement-breakpoint
-- SLA policies per inbox and priority (null: any; both null: the workspace default).
CREATE TABLE `sla_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL REFERENCES `workspaces`(`id`),
	`name` text NOT NULL,
	`inbox_id` text,
	`priority` text,
	`first_response_minutes` integer,
	`next_response_minutes` integer,
	`resolution_minutes` integer,
	`business_hours` integer NOT NULL,
	`at_risk` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sla_policies_workspace` ON `sla_policies` (`workspace_id`);
--> statement-breakpoint
-- A conversation's SLA summary as published (shared SlaSummary JSON; null: none), and when its
-- running target next turns at risk or breaches (what the SLA job asks for).
ALTER TABLE `conversations` ADD `sla` text;
--> statement-breakpoint
ALTER TABLE `conversations` ADD `sla_check_at` integer;
--> statement-breakpoint
CREATE INDEX `conversations_sla_check` ON `conversations` (`sla_check_at`) WHERE `sla_check_at` IS NOT NULL;
--> statement-breakpoint
-- sla.at_risk / sla.breached already emitted, one per conversation, target, cycle and kind.
CREATE TABLE `sla_alerts` (
	`conversation_id` text NOT NULL,
	`target` text NOT NULL,
	`cycle_start` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`conversation_id`, `target`, `cycle_start`, `kind`)
);
