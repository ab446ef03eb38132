CREATE TABLE `live_presence` (
	`user_id` text PRIMARY KEY NOT NULL,
	`mark` text NOT NULL,
	`since` integer NOT NULL
);
