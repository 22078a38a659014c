-- The Meta app of a WhatsApp, Messenger or Instagram inbox (not secret), copied from its
-- credentials when saved: the per-app webhook URL /webhooks/meta/<appId> looks inboxes up by it.
ALTER TABLE `inboxes` ADD `meta_app_id` text;--> statement-breakpoint
CREATE INDEX `inboxes_meta_app` ON `inboxes` (`meta_app_id`);
