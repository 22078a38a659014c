-- The supervisor's board shows since when an agent is available, busy or away: stamped on every
-- change of availability (null until the first change after this migration).
ALTER TABLE `users` ADD `availability_changed_at` integer;
