ALTER TABLE `user` ADD `data_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `card_state_insert_data_version` AFTER INSERT ON `card_state` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `card_state_update_data_version` AFTER UPDATE ON `card_state` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `card_state_delete_data_version` AFTER DELETE ON `card_state` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = OLD.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `review_log_insert_data_version` AFTER INSERT ON `review_log` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `review_log_update_data_version` AFTER UPDATE ON `review_log` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `review_log_delete_data_version` AFTER DELETE ON `review_log` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = OLD.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `assessment_insert_data_version` AFTER INSERT ON `assessment` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `assessment_update_data_version` AFTER UPDATE ON `assessment` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `assessment_delete_data_version` AFTER DELETE ON `assessment` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = OLD.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `personal_card_insert_data_version` AFTER INSERT ON `personal_card` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `personal_card_update_data_version` AFTER UPDATE ON `personal_card` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `personal_card_delete_data_version` AFTER DELETE ON `personal_card` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = OLD.`user_id`; END;--> statement-breakpoint
CREATE TRIGGER `user_fsrs_params_data_version` AFTER UPDATE OF `fsrs_params` ON `user` BEGIN UPDATE `user` SET `data_version` = random() % 9007199254740991 WHERE `id` = NEW.`id`; END;
