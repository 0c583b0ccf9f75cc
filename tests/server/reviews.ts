import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import {
	DEFAULT_REVIEW_SETTINGS,
	Scheduler,
	recomputeCard,
	type Rating
} from '$lib/core/scheduling';
import { api } from './app-process';

/** Active built-in card ids, straight from content/cards. */
export function deckIds(): string[] {
	const ids: string[] = [];
	for (const file of readdirSync('content/cards').sort()) {
		const deck = parse(readFileSync(`content/cards/${file}`, 'utf8')) as {
			cards: { id: string; retired?: boolean }[];
		};
		for (const card of deck.cards) if (!card.retired) ids.push(card.id);
	}
	return ids;
}

/** One review as the phone makes it: its own id, made at the moment of grading. */
export function review(cardId: string, rating: number) {
	return {
		id: randomUUID(),
		cardId,
		rating,
		reviewedAt: new Date().toISOString(),
		durationMs: 1200
	};
}

interface LogRow {
	id: string;
	card_id: string;
	rating: number;
	reviewed_at: string;
	due_after: string | null;
}
type StateRow = Record<string, unknown> & { card_id: string };

export interface Exported {
	reviews: {
		id: string;
		cardId: string;
		rating: number;
		reviewedAt: string;
		dueAfter: string | null;
	}[];
	states: StateRow[];
}

/** The learner's review log and card states, through GET /api/export. */
export async function exportOf(origin: string, token: string): Promise<Exported> {
	const res = await api(origin, token)('GET', '/api/export');
	expect(res.status).toBe(200);
	const tables = (res.json as { tables: Record<string, unknown[]> }).tables;
	const log = tables.review_log as LogRow[];
	return {
		reviews: log
			.map((r) => ({
				id: r.id,
				cardId: r.card_id,
				rating: r.rating,
				reviewedAt: r.reviewed_at,
				dueAfter: r.due_after
			}))
			.sort((a, b) => a.id.localeCompare(b.id)),
		states: (tables.card_state as StateRow[]).sort((a, b) => a.card_id.localeCompare(b.card_id))
	};
}

/**
 * Every stored card state must be what its log gives: FSRS replayed over the reviews in
 * time order, each due date the one stored with its review (load balancing picked it).
 */
export function expectStatesMatchLogs(data: Exported) {
	const scheduler = new Scheduler(DEFAULT_REVIEW_SETTINGS);
	const never = { id: 'z', cardId: '', rating: 3 as Rating, reviewedAt: new Date(8.64e15) };
	for (const state of data.states) {
		const log = data.reviews
			.filter((r) => r.cardId === state.card_id)
			.map((r) => ({
				id: r.id,
				cardId: r.cardId,
				rating: r.rating as Rating,
				reviewedAt: new Date(r.reviewedAt),
				dueAfter: r.dueAfter ? new Date(r.dueAfter) : null
			}));
		expect(log.length, `card ${state.card_id} has a state but no log`).toBeGreaterThan(0);
		const { memory } = recomputeCard(state.card_id, log, never, scheduler, null);
		expect(memory, state.card_id).not.toBeNull();
		expect({
			card: state.card_id,
			due: new Date(state.due as string).getTime(),
			stability: state.stability,
			difficulty: state.difficulty,
			reps: state.reps,
			lapses: state.lapses,
			state: state.state,
			lastReview: state.last_review ? new Date(state.last_review as string).getTime() : null
		}).toEqual({
			card: state.card_id,
			due: memory!.due.getTime(),
			stability: memory!.stability,
			difficulty: memory!.difficulty,
			reps: memory!.reps,
			lapses: memory!.lapses,
			state: memory!.state,
			lastReview: memory!.lastReview?.getTime() ?? null
		});
	}
}
