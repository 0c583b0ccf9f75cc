import { Scheduler, type ReviewSettings } from '$lib/core/scheduling';

// A Scheduler per settings object: requests build one from the learner's settings.
const cache = new WeakMap<ReviewSettings, Scheduler>();

export function schedulerFor(settings: ReviewSettings): Scheduler {
	let scheduler = cache.get(settings);
	if (!scheduler) {
		scheduler = new Scheduler(settings);
		cache.set(settings, scheduler);
	}
	return scheduler;
}
