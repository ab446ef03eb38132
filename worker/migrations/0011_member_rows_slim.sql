ALTER TABLE `members` DROP COLUMN `unread_count`;--> statement-breakpoint
ALTER TABLE `members` DROP COLUMN `last_activity_at`;