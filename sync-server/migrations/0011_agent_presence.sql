-- When a server last saw the user with a live authenticated socket (ms). Every instance stamps
-- its connected users in one batched UPDATE per heartbeat; routing treats an agent not seen for
-- longer than the grace period as offline. NULL: never seen since this column existed (offline).
ALTER TABLE `users` ADD `last_seen_at` integer;
