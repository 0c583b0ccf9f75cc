DROP INDEX `review_log_user_card_time`;--> statement-breakpoint
CREATE INDEX `review_log_user_card_time` ON `review_log` (`user_id`,`card_id`,`reviewed_at`,`id`);