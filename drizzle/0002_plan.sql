CREATE TABLE `plan_progress` (
	`user_id` text NOT NULL,
	`step_key` text NOT NULL,
	`skill_id` text NOT NULL,
	`level` integer NOT NULL,
	`status` text NOT NULL,
	`on_date` text NOT NULL,
	`item` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `step_key`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`minutes_per_day` integer DEFAULT 45 NOT NULL,
	`study_days` text DEFAULT '[1,2,3,4,5,6,7]' NOT NULL,
	`light_days` text DEFAULT '[6,7]' NOT NULL,
	`light_minutes` integer DEFAULT 20 NOT NULL,
	`target_date` text,
	`breaks` text DEFAULT '[]' NOT NULL,
	`review_time` text DEFAULT '08:00' NOT NULL,
	`study_time` text DEFAULT '19:00' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `study_plan` (
	`user_id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`inputs_hash` text NOT NULL,
	`generated_on` text NOT NULL,
	`plan` text NOT NULL,
	`adjustment` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
