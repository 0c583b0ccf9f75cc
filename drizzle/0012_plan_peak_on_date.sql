ALTER TABLE `plan_settings` ADD `peak_on_date` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `plan_settings` ADD `peak_level` real DEFAULT 0.9 NOT NULL;