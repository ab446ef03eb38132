DROP INDEX `members_box_idx`;--> statement-breakpoint
ALTER TABLE `members` ADD `direct_activity_at` text;--> statement-breakpoint
-- Hand-added: the direct chats' member rows start from their conversation's activity; group rows stay null.
UPDATE `members` SET `direct_activity_at` = (SELECT `last_activity_at` FROM `conversations` WHERE `conversations`.`id` = `members`.`conversation_id` AND `conversations`.`kind` = 'direct');--> statement-breakpoint
CREATE INDEX `members_box_idx` ON `members` (`user_id`,`state`,`hidden`,`direct_activity_at`,`conversation_id`);