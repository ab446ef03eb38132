CREATE TABLE `dev_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient` text NOT NULL,
	`text` text NOT NULL,
	`code` text NOT NULL,
	`sent_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dev_outbox_recipient_idx` ON `dev_outbox` (`recipient`,`sent_at`);--> statement-breakpoint
CREATE TABLE `identifier_codes` (
	`user_id` text NOT NULL,
	`keyed_hash` text NOT NULL,
	`kind` text NOT NULL,
	`hint` text NOT NULL,
	`code_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`tries` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `keyed_hash`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `link_tickets` (
	`ticket_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `link_tickets_expires_idx` ON `link_tickets` (`expires_at`);--> statement-breakpoint
CREATE TABLE `oauth_states` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`code_verifier` text NOT NULL,
	`return_url` text NOT NULL,
	`link_user_id` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`link_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `oauth_states_expires_idx` ON `oauth_states` (`expires_at`);--> statement-breakpoint
CREATE TABLE `pending_links` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`user_id` text NOT NULL,
	`payload` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_links_expires_idx` ON `pending_links` (`expires_at`);--> statement-breakpoint
CREATE TABLE `site_sign_in_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`open_id` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`avatar_url` text,
	`expires_at` integer NOT NULL,
	`spent_at` integer,
	`retried` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `site_sign_in_codes_expires_idx` ON `site_sign_in_codes` (`expires_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_identifiers` (
	`id` text PRIMARY KEY DEFAULT (lower(hex(randomblob(13)))) NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`keyed_hash` text NOT NULL,
	`hint` text,
	`verified_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Edited by hand: the old rows had no id, hint or verified_at. They keep their hash and get a fresh id, and stay
-- unverified (verified_at NULL), so they no longer match anyone's contacts.
INSERT INTO `__new_identifiers`("user_id", "kind", "keyed_hash") SELECT "user_id", "kind", "keyed_hash" FROM `identifiers`;--> statement-breakpoint
DROP TABLE `identifiers`;--> statement-breakpoint
ALTER TABLE `__new_identifiers` RENAME TO `identifiers`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `identifiers_hash_idx` ON `identifiers` (`keyed_hash`);--> statement-breakpoint
CREATE INDEX `identifiers_user_idx` ON `identifiers` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `identifiers_verified_hash_unique` ON `identifiers` (`keyed_hash`) WHERE verified_at is not null;--> statement-breakpoint
ALTER TABLE `contacts` ADD `source` text DEFAULT 'sync' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `site_open_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `verified` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `users_site_open_id_unique` ON `users` (`site_open_id`);