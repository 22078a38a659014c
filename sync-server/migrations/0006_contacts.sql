ALTER TABLE `contacts` ADD `vip` integer DEFAULT 0 NOT NULL;
