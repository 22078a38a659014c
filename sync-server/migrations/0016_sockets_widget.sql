-- A deactivated user signs in nowhere: their sessions resolve to nobody and their open sockets
-- are closed by the next access check (the admin screen that sets this comes later).
ALTER TABLE `users` ADD `deactivated_at` integer;
--> statement-breakpoint
-- The widget visitor a session belongs to: the web chat identity it created (its external id,
-- which was the visitor's first contact id). A contact merge moves the session's contact, never
-- its visitor, so a visitor sees only their own conversations whatever the agents merge.
ALTER TABLE `widget_sessions` ADD `visitor_id` text;
--> statement-breakpoint
-- Existing sessions: the identity created with the session (same inbox and creation time), so a
-- session already moved by a merge finds its own visitor again; else its contact.
UPDATE `widget_sessions` SET `visitor_id` = coalesce(
  (SELECT ci.`external_id` FROM `contact_identities` ci JOIN `contacts` c ON c.`id` = ci.`external_id`
   WHERE ci.`inbox_id` = `widget_sessions`.`inbox_id` AND ci.`channel` = 'webchat' AND c.`created_at` = `widget_sessions`.`created_at`
     AND ci.`contact_id` = `widget_sessions`.`contact_id`
   LIMIT 1),
  `contact_id`);
--> statement-breakpoint
-- The visitor a web chat conversation is with (null for other channels): the widget reads and is
-- pushed only its own visitor's conversations, and replies go to that visitor's sockets.
ALTER TABLE `conversations` ADD `visitor_id` text;
--> statement-breakpoint
-- Existing web chats: the customer who wrote first (their contact id was their visitor id).
UPDATE `conversations` SET `visitor_id` = (
  SELECT m.`sender_id` FROM `messages` m
  WHERE m.`conversation_id` = `conversations`.`id` AND m.`sender_kind` = 'customer'
  ORDER BY m.`created_at`, m.`id` LIMIT 1)
WHERE `channel` = 'webchat';
--> statement-breakpoint
CREATE INDEX `conversations_visitor` ON `conversations` (`visitor_id`, `inbox_id`) WHERE `visitor_id` IS NOT NULL;
