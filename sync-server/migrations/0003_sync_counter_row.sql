-- The change sequence is stamped by the database itself, so no write path can forget it:
-- every insert or update of a row clients cache takes the next value of sync_counter.
INSERT INTO sync_counter (id, value) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER messages_seq_insert AFTER INSERT ON messages BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE messages SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE rowid = NEW.rowid; END;
--> statement-breakpoint
CREATE TRIGGER messages_seq_update AFTER UPDATE ON messages WHEN NEW.seq = OLD.seq BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE messages SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE rowid = NEW.rowid; END;
--> statement-breakpoint
CREATE TRIGGER conversations_seq_insert AFTER INSERT ON conversations BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE conversations SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE rowid = NEW.rowid; END;
--> statement-breakpoint
CREATE TRIGGER conversations_seq_update AFTER UPDATE ON conversations WHEN NEW.seq = OLD.seq BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE conversations SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE rowid = NEW.rowid; END;
--> statement-breakpoint
CREATE TRIGGER contacts_seq_insert AFTER INSERT ON contacts BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE contacts SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE rowid = NEW.rowid; END;
--> statement-breakpoint
CREATE TRIGGER contacts_seq_update AFTER UPDATE ON contacts WHEN NEW.seq = OLD.seq BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE contacts SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE rowid = NEW.rowid; END;
--> statement-breakpoint
CREATE TRIGGER contact_identities_seq AFTER INSERT ON contact_identities BEGIN UPDATE sync_counter SET value = value + 1 WHERE id = 1; UPDATE contacts SET seq = (SELECT value FROM sync_counter WHERE id = 1) WHERE id = NEW.contact_id; END;
