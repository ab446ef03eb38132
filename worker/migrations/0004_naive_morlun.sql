CREATE TABLE `rate_hits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_hits_key_at_idx` ON `rate_hits` (`key`,`at`);--> statement-breakpoint
CREATE INDEX `rate_hits_expires_idx` ON `rate_hits` (`expires_at`);--> statement-breakpoint
-- Carry the fixed-window counts over as hits at the start of their window (at most 100 a key), so a
-- deploy does not hand anyone a fresh budget. Windows: sign-ins 15 min, sends 1 min, new requests 1 day.
INSERT INTO `rate_hits` (`key`, `at`, `expires_at`)
WITH RECURSIVE `n`(`i`) AS (SELECT 1 UNION ALL SELECT `i` + 1 FROM `n` WHERE `i` < 100),
`windows`(`key`, `window_start`, `count`, `seconds`) AS (
  SELECT `key`, `window_start`, `count`,
    CASE WHEN `key` LIKE 'login:%' THEN 900 WHEN `key` LIKE 'send:%' THEN 60 ELSE 86400 END
  FROM `rate_limits`
)
SELECT `w`.`key`, `w`.`window_start` * 1000, (`w`.`window_start` + `w`.`seconds`) * 1000
FROM `windows` `w` JOIN `n` ON `n`.`i` <= `w`.`count`;--> statement-breakpoint
DROP TABLE `rate_limits`;--> statement-breakpoint
ALTER TABLE `stream_tickets` ADD `login_id` text;