-- A stored webhook is claimed by the process that works on it (until this time), so two
-- processes (two Node instances, or a Worker and the scheduler's Durable Object) never process
-- it at once; a claim left by a crash expires and the webhook is processed again.
ALTER TABLE `webhook_events` ADD `claimed_until` integer;
