ALTER TABLE `personal_card` ADD `kind` text DEFAULT 'qa' NOT NULL;--> statement-breakpoint
ALTER TABLE `personal_card` ADD `anki_guid` text;--> statement-breakpoint
ALTER TABLE `personal_card` ADD `anki_ord` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `personal_card_user_anki` ON `personal_card` (`user_id`,`anki_guid`,`anki_ord`);