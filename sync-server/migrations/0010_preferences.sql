-- The snooze waker asks every few seconds which snoozed conversations are due.
CREATE INDEX `conversations_snoozed_due` ON `conversations` (`snoozed_until`) WHERE status = 'snoozed';
