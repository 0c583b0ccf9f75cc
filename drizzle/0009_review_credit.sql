CREATE TABLE `review_credit` (
	`user_id` text NOT NULL,
	`review_id` text NOT NULL,
	`card_id` text NOT NULL,
	`kind` text NOT NULL,
	`fraction` real NOT NULL,
	`credited_at` integer NOT NULL,
	`stability_before` real NOT NULL,
	`due_before` integer NOT NULL,
	`stability_after` real NOT NULL,
	`due_after` integer NOT NULL,
	PRIMARY KEY(`user_id`, `review_id`, `card_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_credit_user_card` ON `review_credit` (`user_id`,`card_id`,`credited_at`);--> statement-breakpoint
ALTER TABLE `review_settings` ADD `credit_prerequisites` integer DEFAULT false NOT NULL;