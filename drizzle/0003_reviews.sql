CREATE TABLE `fsrs_fit` (
	`user_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`review_count` integer NOT NULL,
	`params` text,
	`before` text,
	`after` text,
	`error` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`learning_steps` text DEFAULT '["1m","10m"]' NOT NULL,
	`relearning_steps` text DEFAULT '["10m"]' NOT NULL,
	`new_cards_per_day` integer DEFAULT 10 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_undo` (
	`user_id` text NOT NULL,
	`review_id` text NOT NULL,
	`undone_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `review_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `review_log` ADD `state_before` integer;--> statement-breakpoint
ALTER TABLE `review_log` ADD `due_after` integer;