-- A chat the router hands to an agent is "offered" until that agent picks it up: offered_to
-- names the agent (the offer stands only while it is also the assignee), offer_expires_at is
-- when it is taken back (null: no pickup timeout), rerouted_from the agent it was last taken
-- back from, who is not offered it again straight away.
ALTER TABLE `conversations` ADD `offered_to` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `offered_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `offer_expires_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `rerouted_from` text;--> statement-breakpoint
CREATE INDEX `conversations_offer_expiry` ON `conversations` (`offer_expires_at`);
--> statement-breakpoint
-- An offer ends when the chat leaves the agent (reassigned by anyone) or stops waiting
-- (resolved, snoozed), whichever code path did it; so a reopened chat is never "offered" again.
CREATE TRIGGER conversations_offer_end_assignee AFTER UPDATE OF assignee_id ON conversations WHEN NEW.offered_to IS NOT NULL AND NEW.assignee_id IS NOT NEW.offered_to BEGIN UPDATE conversations SET offered_to = NULL, offered_at = NULL, offer_expires_at = NULL WHERE rowid = NEW.rowid; END;
--> statement-breakpoint
CREATE TRIGGER conversations_offer_end_status AFTER UPDATE OF status ON conversations WHEN NEW.offered_to IS NOT NULL AND NEW.status IN ('resolved', 'snoozed') BEGIN UPDATE conversations SET offered_to = NULL, offered_at = NULL, offer_expires_at = NULL WHERE rowid = NEW.rowid; END;
