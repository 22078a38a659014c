-- Supervision (issue 12): an agent's raised hand. When an agent asked for help on this chat and
-- who; NULL: no hand raised. Lowered by the agent, or when a supervisor joins or whispers.
ALTER TABLE `conversations` ADD `help_requested_at` integer;
--> statement-breakpoint
ALTER TABLE `conversations` ADD `help_requested_by` text;
