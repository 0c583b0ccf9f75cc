// The placement check over the active target: which skill to ask next, which cards, and what a
// round of answers changes (see $lib/core/assessment for the rules).
import {
	cardsToSeed,
	creditedLevels,
	gradePlacement,
	nextPlacementSkill,
	pickPlacementCards,
	placementOrder,
	seededMemory,
	type PlacementResult
} from '$lib/core/assessment';
import type { RenderedCard } from '$lib/core/types';
import { getDeckSource, getGraph, getSkillCards } from '$lib/server/content';
import type { Database } from '$lib/server/db';
import { assessment, cardState } from '$lib/server/db/schema';
import { getActiveTarget } from '$lib/server/targets/store';
import { fsrsParameters } from '$lib/server/gap/levels';
import { latestRatings } from './store';

/** What happened to each asked skill in this run; "lowered": failed, then the suggestion taken. */
export type StepOutcome = 'passed' | 'failed' | 'skipped' | 'lowered';
export type PlacementProgress = Map<string, StepOutcome>;

const CODES: Record<string, StepOutcome> = {
	p: 'passed',
	f: 'failed',
	s: 'skipped',
	l: 'lowered'
};

/** Progress travels in the URL (`?r=docker:p,python:f`): the quiz keeps no server state. */
export function parseProgress(param: string | null): PlacementProgress {
	const progress: PlacementProgress = new Map();
	for (const part of (param ?? '').split(',').slice(0, 100)) {
		const [id, code] = part.split(':');
		if (id && code && CODES[code] && getGraph().skillById.has(id)) progress.set(id, CODES[code]);
	}
	return progress;
}

export function formatProgress(progress: PlacementProgress): string {
	return [...progress].map(([id, outcome]) => `${id}:${outcome[0]}`).join(',');
}

export interface PlacementStep {
	skillId: string;
	claimed: number;
	cards: RenderedCard[];
}

export interface PlacementState {
	/** Target skills the learner rated 1 or more, in asking order. */
	order: string[];
	claims: Map<string, number>;
	credited: Map<string, number>;
	next: PlacementStep | null;
	/** Skills with no or too few cards at the claimed level, skipped on the way. */
	skipped: string[];
}

async function claimsFor(db: Database, userId: string) {
	const target = await getActiveTarget(db, userId);
	if (!target) return null;
	const ratings = await latestRatings(db, userId);
	const claims = new Map<string, number>();
	for (const s of target.skills) {
		const level = Math.min(ratings.get(s.id)?.level ?? 0, s.targetLevel);
		if (level >= 1) claims.set(s.id, level);
	}
	return claims;
}

/** Where the learner is in the placement check, or null without an active target. */
export async function placementState(
	db: Database,
	userId: string,
	progress: PlacementProgress
): Promise<PlacementState | null> {
	const claims = await claimsFor(db, userId);
	if (!claims) return null;
	const graph = getGraph();
	const order = placementOrder(graph, claims);
	const shown = new Map(
		[...progress].filter(([, o]) => o === 'passed').map(([id]) => [id, claims.get(id) ?? 0])
	);
	const credited = creditedLevels(graph, shown);
	const done = new Set(progress.keys());
	const skipped: string[] = [];
	for (;;) {
		const skillId = nextPlacementSkill(order, claims, credited, done);
		if (!skillId) return { order, claims, credited, next: null, skipped };
		const claimed = claims.get(skillId)!;
		const all = await getSkillCards(skillId);
		const ids = pickPlacementCards(all, claimed, userId);
		if (ids.length > 0) {
			const cards = ids.map((id) => all.find((c) => c.id === id)!);
			return { order, claims, credited, next: { skillId, claimed, cards }, skipped };
		}
		skipped.push(skillId);
		done.add(skillId);
	}
}

export interface PlacementAnswer {
	cardId: string;
	knew: boolean;
}

export type SubmitResult =
	| {
			ok: true;
			result: PlacementResult;
			claimed: number;
			credited: { id: string; level: number }[];
	  }
	| { ok: false; message: string };

/**
 * Grades one skill's answers. A pass records a placement rating for the skill, raises the
 * prerequisites it credits (where their rating is lower) and seeds FSRS memory for the cards the
 * shown levels cover; a fail writes nothing and returns the lower level to suggest.
 */
export async function submitPlacement(
	db: Database,
	userId: string,
	skillId: string,
	answers: readonly PlacementAnswer[],
	now: Date
): Promise<SubmitResult> {
	const claims = await claimsFor(db, userId);
	const claimed = claims?.get(skillId);
	if (!claims || !claimed) return { ok: false, message: 'This skill is not part of the check.' };
	// The server picks the cards again: answers count only for the cards it asked.
	const asked = pickPlacementCards(await getSkillCards(skillId), claimed, userId);
	const knew = new Map(answers.map((a) => [a.cardId, a.knew]));
	if (asked.length === 0 || asked.some((id) => !knew.has(id))) {
		return { ok: false, message: 'Answer each card with “I knew it” or “I didn’t”.' };
	}
	const result = gradePlacement(
		claimed,
		asked.map((id) => knew.get(id)!)
	);
	if (!result.passed) return { ok: true, result, claimed, credited: [] };

	const graph = getGraph();
	const credited = [...creditedLevels(graph, new Map([[skillId, claimed]]))].map(([id, level]) => ({
		id,
		level
	}));
	const [ratings, parameters] = await Promise.all([
		latestRatings(db, userId),
		fsrsParameters(db, userId)
	]);
	const known = new Set(asked.filter((id) => knew.get(id)));
	const deck = getDeckSource().filter((c) => !c.retired);
	const ratingRows = credited
		.filter((c) => c.id === skillId || (ratings.get(c.id)?.level ?? 0) < c.level)
		.map((c) => ({
			id: crypto.randomUUID(),
			userId,
			skillId: c.id,
			level: c.level,
			source: 'placement' as const,
			createdAt: now
		}));
	const stateRows = credited.flatMap((c) =>
		cardsToSeed(
			deck.filter((card) => card.skillId === c.id),
			c.level,
			c.id === skillId ? known : new Set()
		).map((seed) => ({
			userId,
			cardId: seed.id,
			skillId: c.id,
			level: deck.find((card) => card.id === seed.id)!.level,
			...seededMemory(seed.id, seed.grade, now, parameters)
		}))
	);
	await db.transaction(async (tx) => {
		if (ratingRows.length > 0) await tx.insert(assessment).values(ratingRows);
		// A card the learner already has a memory of keeps it.
		for (let i = 0; i < stateRows.length; i += 200) {
			await tx
				.insert(cardState)
				.values(stateRows.slice(i, i + 200))
				.onConflictDoNothing();
		}
	});
	return { ok: true, result, claimed, credited };
}
