import { describe, expect, it } from 'vitest';
import { noNewCardsNote, noNewCardsReason, type NoNewCardsInput } from './no-new-cards';

const base: NoNewCardsInput = {
	hasPlan: true,
	limit: 20,
	pace: 18,
	minutesPerDay: 90,
	startedToday: 0,
	stepsLeft: true
};

describe('noNewCardsReason', () => {
	it('names the smaller cap once it is reached: the learner’s limit or the plan’s pace', () => {
		expect(noNewCardsReason({ ...base, limit: 10, startedToday: 10 })).toEqual({
			kind: 'limit',
			started: 10,
			limit: 10
		});
		expect(noNewCardsReason({ ...base, startedToday: 18 })).toEqual({
			kind: 'pace',
			started: 18,
			pace: 18,
			minutesPerDay: 90
		});
		// A tie is the learner's own limit: raising it alone would not help, but it is theirs.
		expect(noNewCardsReason({ ...base, limit: 18, startedToday: 18 }).kind).toBe('limit');
	});

	it('explains a plan that runs out, a met target, a limit of 0, a paused pace and no target', () => {
		expect(noNewCardsReason({ ...base, startedToday: 3 }).kind).toBe('all-started');
		expect(noNewCardsReason({ ...base, stepsLeft: false }).kind).toBe('target-met');
		expect(noNewCardsReason({ ...base, limit: 0 }).kind).toBe('off');
		expect(noNewCardsReason({ ...base, pace: 0 })).toEqual({ kind: 'paused', minutesPerDay: 90 });
		expect(noNewCardsReason({ ...base, hasPlan: false, pace: null }).kind).toBe('no-target');
	});
});

describe('noNewCardsNote', () => {
	it('says why and links to the one thing to do', () => {
		const note = noNewCardsNote({ kind: 'pace', started: 18, pace: 18, minutesPerDay: 90 });
		expect(note.text).toContain('18 new cards');
		expect(note.text).toContain('90 minutes a day');
		expect(note.action).toEqual({
			label: 'Give the plan more minutes',
			href: '/plan#field-minutesPerDay'
		});
		expect(noNewCardsNote({ kind: 'backlog', days: 3 })).toMatchObject({
			text: expect.stringContaining('3 days'),
			action: null
		});
	});
});
