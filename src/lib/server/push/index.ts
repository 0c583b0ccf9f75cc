// Web Push reminders: subscriptions, the daily reminder's settings, and the job that sends it.
export { pushConfigFrom, DEFAULT_PUSH_HOSTS, type PushConfig } from './config';
export { vapidKeys, type Vapid } from './vapid';
export {
	subscriptionSchema,
	endpointSchema,
	saveSubscription,
	removeSubscription,
	listSubscriptions
} from './subscriptions';
export {
	reminderSchema,
	getReminderSettings,
	saveReminderSettings,
	type ReminderSettings
} from './settings';
export { runReminders, pruneClaims, type RunReport } from './job';
export { startReminderJob } from './start';
