// A learner's review settings: everything the scheduler and the learner's day depend on.

/** A (re)learning step: minutes or hours, shorter than a day (longer gaps are FSRS's job). */
export type Step = `${number}m` | `${number}h`;

export interface ReviewSettings {
	/** Probability of recall FSRS aims for when a card comes due (0.70–0.97). */
	desiredRetention: number;
	/** Longest interval in days. */
	maximumInterval: number;
	learningSteps: Step[];
	relearningSteps: Step[];
	/** IANA time zone of the learner's day. */
	timezone: string;
	/** Local hour at which the learner's day rolls over (0–23). */
	dayStartHour: number;
	newCardsPerDay: number;
	/** Weekdays (0 = Sunday … 6 = Saturday) the learner wants kept light. */
	lightDays: number[];
	/** Personal FSRS-6 parameters (21 numbers) once fitted; null means ts-fsrs defaults. */
	params: number[] | null;
	/** Credit through prerequisites (credit.ts): off unless the learner turns it on. */
	creditPrerequisites: boolean;
}

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;
export const MAX_INTERVAL_MIN = 1;
export const MAX_INTERVAL_MAX = 36500;
export const NEW_CARDS_MAX = 200;
export const MAX_STEPS = 5;
/** Steps are capped below a day: day-long gaps belong to the memory model. */
export const STEP_MAX_MINUTES = 1439;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
	desiredRetention: 0.9,
	maximumInterval: 36500,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	timezone: 'UTC',
	dayStartHour: 4,
	newCardsPerDay: 10,
	lightDays: [],
	params: null,
	creditPrerequisites: false
};

const STEP = /^(\d{1,4})([mh])$/;

/** Minutes of a step such as "10m" or "1h", or null when it is not a valid step. */
export function stepMinutes(step: string): number | null {
	const match = STEP.exec(step.trim());
	if (!match) return null;
	const minutes = Number(match[1]) * (match[2] === 'h' ? 60 : 1);
	return minutes >= 1 && minutes <= STEP_MAX_MINUTES ? minutes : null;
}

/** Parses "1m 10m" (spaces or commas) into steps; null when any part is invalid. */
export function parseSteps(text: string): Step[] | null {
	const parts = text.split(/[\s,]+/).filter(Boolean);
	if (parts.length > MAX_STEPS) return null;
	if (parts.some((part) => stepMinutes(part) === null)) return null;
	return parts as Step[];
}

export function formatSteps(steps: readonly Step[]): string {
	return steps.join(' ');
}
