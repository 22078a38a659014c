-- Each stored webhook is named by its delivery (connectors' DeliveryKeys): a redelivery of the
-- same webhook is not stored again, and a replayed one-time signature (WeChat's signed
-- timestamp and nonce) is refused when it comes with another body.
ALTER TABLE `webhook_events` ADD `delivery_key` text;--> statement-breakpoint
ALTER TABLE `webhook_events` ADD `replay_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_events_delivery` ON `webhook_events` (`inbox_id`,`delivery_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_events_replay` ON `webhook_events` (`inbox_id`,`replay_key`);--> statement-breakpoint
-- A customer becoming unreachable (blocked the business) or reachable again changes what agents'
-- devices show of the contact, so the contact is stamped for the next pull.
CREATE TRIGGER contact_identities_blocked_seq AFTER UPDATE OF blocked_at ON contact_identities BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE contacts SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE id = NEW.contact_id; END;
