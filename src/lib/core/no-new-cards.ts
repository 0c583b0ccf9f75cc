// Why today's queue has no new cards, and what the learner can do about it: Today and the
// review screen say it in the same words, so a learner never has to write cards just to
// have something to study without knowing why.

export type NoNewCardsReason =
	/** No active target, so no plan to take cards from. */
	| { kind: 'no-target' }
	/** The learner set their daily limit to 0. */
	| { kind: 'off' }
	/** Today's new cards are started: the learner's own limit was the smaller cap. */
	| { kind: 'limit'; started: number; limit: number }
	/** Today's new cards are started: the plan's pace (what the time budget carries) was the cap. */
	| { kind: 'pace'; started: number; pace: number; minutesPerDay: number }
	/** The plan's pace is 0: existing reviews already fill their share of the budget. */
	| { kind: 'paused'; minutesPerDay: number }
	/** Every card of every step left in the plan has been started. */
	| { kind: 'all-started' }
	/** The plan has no steps left: the target is reached. */
	| { kind: 'target-met' }
	/** A backlog of overdue cards is being spread over the coming days. */
	| { kind: 'backlog'; days: number };

export interface NoNewCardsInput {
	hasPlan: boolean;
	/** The learner's new-cards-per-day setting. */
	limit: number;
	/** New cards a day the plan's budget carries (null without a plan). */
	pace: number | null;
	minutesPerDay: number | null;
	startedToday: number;
	/** Whether the plan has any step left. */
	stepsLeft: boolean;
}

/** Why the queue found no new card to offer today: the day's cap, or a plan with none left. */
export function noNewCardsReason(input: NoNewCardsInput): NoNewCardsReason {
	if (!input.hasPlan || input.pace === null) return { kind: 'no-target' };
	if (input.limit === 0) return { kind: 'off' };
	const minutesPerDay = input.minutesPerDay ?? 0;
	if (input.pace === 0) return { kind: 'paused', minutesPerDay };
	const cap = Math.min(input.limit, input.pace);
	if (input.startedToday >= cap) {
		return input.limit <= input.pace
			? { kind: 'limit', started: input.startedToday, limit: input.limit }
			: { kind: 'pace', started: input.startedToday, pace: input.pace, minutesPerDay };
	}
	return input.stepsLeft ? { kind: 'all-started' } : { kind: 'target-met' };
}

export interface NoNewCardsNote {
	kind: NoNewCardsReason['kind'];
	text: string;
	action: { label: string; href: string } | null;
}

const cards = (n: number) => `${n} new ${n === 1 ? 'card' : 'cards'}`;

/** The sentence and the one thing to do, for Today and the review screen. */
export function noNewCardsNote(reason: NoNewCardsReason): NoNewCardsNote {
	const note = (text: string, action: NoNewCardsNote['action'] = null) => ({
		kind: reason.kind,
		text,
		action
	});
	switch (reason.kind) {
		case 'no-target':
			return note('New cards come from your study plan, and you have no target yet.', {
				label: 'Set a target',
				href: '/start'
			});
		case 'off':
			return note('No new cards: your limit for new cards is 0 a day.', {
				label: 'Change the limit',
				href: '/settings#field-newCardsPerDay'
			});
		case 'limit':
			return note(
				`No more new cards today: you started ${cards(reason.started)}, your daily limit of ${reason.limit}. More come tomorrow.`,
				{ label: 'Change the limit', href: '/settings#field-newCardsPerDay' }
			);
		case 'pace':
			return note(
				`No more new cards today: you started ${cards(reason.started)}, as many as ${reason.minutesPerDay} minutes a day carry while reviews stay within a third of your time. More come tomorrow.`,
				{ label: 'Give the plan more minutes', href: '/plan#field-minutesPerDay' }
			);
		case 'paused':
			return note(
				`No new cards for now: your reviews already take a third of your ${reason.minutesPerDay} minutes a day. They return as reviews shrink.`,
				{ label: 'Give the plan more minutes', href: '/plan#field-minutesPerDay' }
			);
		case 'all-started':
			return note(
				'No new cards: you have started every card of your plan. Write cards for what you are studying.',
				{ label: 'Write a card', href: '/cards/new' }
			);
		case 'target-met':
			return note('No new cards: your plan has no steps left, so your target is met.', {
				label: 'Choose a new target',
				href: '/targets'
			});
		case 'backlog':
			return note(
				`New cards wait while you catch up on overdue cards (about ${reason.days} ${reason.days === 1 ? 'day' : 'days'} to go).`
			);
	}
}
