-- Rolls committed by any process: a process that keeps report figures in memory compares it
-- with the rolls it made itself, so a roll by another process sharing the database is noticed.
ALTER TABLE `report_cursor` ADD `rolls` integer DEFAULT 0 NOT NULL;