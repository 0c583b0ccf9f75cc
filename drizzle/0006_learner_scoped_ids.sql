PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_personal_card` (
	`id` text NOT NULL,
	`user_id` text NOT NULL,
	`skill_id` text NOT NULL,
	`level` integer NOT NULL,
	`front` text NOT NULL,
	`back` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_personal_card`("id", "user_id", "skill_id", "level", "front", "back", "tags", "content_hash", "created_at", "updated_at") SELECT "id", "user_id", "skill_id", "level", "front", "back", "tags", "content_hash", "created_at", "updated_at" FROM `personal_card`;--> statement-breakpoint
DROP TABLE `personal_card`;--> statement-breakpoint
ALTER TABLE `__new_personal_card` RENAME TO `personal_card`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `personal_card_user_skill` ON `personal_card` (`user_id`,`skill_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `personal_card_user_hash` ON `personal_card` (`user_id`,`content_hash`);--> statement-breakpoint
CREATE TABLE `__new_review_log` (
	`id` text NOT NULL,
	`user_id` text NOT NULL,
	`card_id` text NOT NULL,
	`rating` integer NOT NULL,
	`reviewed_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`received_at` integer NOT NULL,
	`state_before` integer,
	`due_after` integer,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_review_log`("id", "user_id", "card_id", "rating", "reviewed_at", "duration_ms", "received_at", "state_before", "due_after") SELECT "id", "user_id", "card_id", "rating", "reviewed_at", "duration_ms", "received_at", "state_before", "due_after" FROM `review_log`;--> statement-breakpoint
DROP TABLE `review_log`;--> statement-breakpoint
ALTER TABLE `__new_review_log` RENAME TO `review_log`;--> statement-breakpoint
CREATE INDEX `review_log_user_card_time` ON `review_log` (`user_id`,`card_id`,`reviewed_at`);--> statement-breakpoint
CREATE INDEX `review_log_user_time` ON `review_log` (`user_id`,`reviewed_at`);--> statement-breakpoint
CREATE TABLE `__new_assessment` (
	`id` text NOT NULL,
	`user_id` text NOT NULL,
	`skill_id` text NOT NULL,
	`level` integer NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_assessment`("id", "user_id", "skill_id", "level", "source", "created_at") SELECT "id", "user_id", "skill_id", "level", "source", "created_at" FROM `assessment`;--> statement-breakpoint
DROP TABLE `assessment`;--> statement-breakpoint
ALTER TABLE `__new_assessment` RENAME TO `assessment`;--> statement-breakpoint
CREATE INDEX `assessment_user_skill_time` ON `assessment` (`user_id`,`skill_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_target` (
	`id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`role_id` text,
	`jd_text` text,
	`skills` text NOT NULL,
	`active` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_target`("id", "user_id", "name", "role_id", "jd_text", "skills", "active", "created_at", "updated_at") SELECT "id", "user_id", "name", "role_id", "jd_text", "skills", "active", "created_at", "updated_at" FROM `target`;--> statement-breakpoint
DROP TABLE `target`;--> statement-breakpoint
ALTER TABLE `__new_target` RENAME TO `target`;--> statement-breakpoint
CREATE INDEX `target_user` ON `target` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `target_one_active` ON `target` (`user_id`) WHERE active = 1;