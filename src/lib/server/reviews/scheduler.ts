import { Scheduler, type ReviewSettings } from '$lib/core/scheduling';

// A Scheduler per settings object: requests build one from the learner's settings.
const bySettings = new WeakMap<ReviewSettings, Scheduler>();
// And per distinct parameters: the settings object is read again after every change to the
// learner's data (every review), and building a Scheduler (two ts-fsrs instances, their
// parameters checked and keyed) was 1.5 % of the server's time on review sync.
const byParameters = new Map<string, Scheduler>();
const MAX_PARAMETER_SETS = 500;

export function schedulerFor(settings: ReviewSettings): Scheduler {
	let scheduler = bySettings.get(settings);
	if (!scheduler) {
		const { desiredRetention, maximumInterval, learningSteps, relearningSteps, params } = settings;
		const key = JSON.stringify([
			desiredRetention,
			maximumInterval,
			learningSteps,
			relearningSteps,
			params
		]);
		scheduler = byParameters.get(key);
		if (!scheduler) {
			scheduler = new Scheduler(settings);
			if (byParameters.size >= MAX_PARAMETER_SETS) byParameters.clear();
			byParameters.set(key, scheduler);
		}
		bySettings.set(settings, scheduler);
	}
	return scheduler;
}
