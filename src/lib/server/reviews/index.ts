// Reviews: applying ratings exactly once, undo, bury/suspend, today's queue, stats, settings.
export { applyReviews, reviewsBodySchema, type ReviewResult } from './apply';
export { undoReview, type UndoResult } from './undo';
export { setCardFlag, CARD_ACTIONS, type CardAction } from './flags';
export { suspendedCards, type SuspendedCard } from './suspended';
export { getQueue, type QueueJson, type QueueCardJson } from './queue';
export { queueSummary, type QueueSummary } from './queue-summary';
export { newCardsForToday, type NewCard } from './new-cards';
export { getStats, currentStreak, type Stats } from './stats';
export {
	getReviewSettings,
	saveReviewSettings,
	reviewSettingsSchema,
	settingsForm,
	reviewSettingsOnly,
	type ReviewSettingsInput
} from './settings';
export type { CardStateJson } from './json';
