ALTER TABLE `conversations` ADD `creator_id` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `client_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_creator_client_unique` ON `conversations` (`creator_id`,`client_id`);