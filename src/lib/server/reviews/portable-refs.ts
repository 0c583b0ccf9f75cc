// The rules between the rows of an import that no single row's schema can see: keys that
// must not repeat (the database would refuse them half-way), at most one active target, and
// references — a schedule belongs to one of the learner's own cards or to a built-in card,
// a plan to one of the learner's targets. An id of another learner's card is not one of
// the learner's own cards, so it is refused like any id that does not exist.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { PERSONAL_ID_PREFIX } from '$lib/server/cards/personal-cards';
import { isDeckCard } from './portable-plan';
import { ImportProblem, type Row } from './portable-problem';

export interface PreparedTable {
	name: string;
	t: SQLiteTable;
	rows: Row[];
	/** TypeScript key → SQL column name, for messages. */
	nameOf: Map<string, string>;
}

/** Columns whose value may appear once per learner (primary keys and unique indexes). */
const UNIQUE: Record<string, string[]> = {
	assessment: ['id'],
	target: ['id'],
	personal_card: ['id', 'contentHash'],
	card_state: ['cardId'],
	card_base: ['cardId'],
	review_log: ['id'],
	review_undo: ['reviewId'],
	plan_progress: ['stepKey']
};
/** Tables of one row per learner. */
const SINGLE = ['plan_settings', 'study_plan', 'review_settings', 'fsrs_fit'];

function problem(p: PreparedTable, index: number, key: string, message: string): never {
	throw new ImportProblem(
		400,
		`tables.${p.name}[${index}].${p.nameOf.get(key) ?? key}: ${message}`
	);
}

function checkUnique(p: PreparedTable) {
	if (SINGLE.includes(p.name) && p.rows.length > 1)
		throw new ImportProblem(400, `tables.${p.name} has ${p.rows.length} rows; a learner has one.`);
	const keys: [string, (row: Row) => unknown][] = (UNIQUE[p.name] ?? []).map((key) => [
		key,
		(row) => row[key]
	]);
	// One credit per review and card.
	if (p.name === 'review_credit')
		keys.push(['cardId', (row) => `${row.reviewId}\u0000${row.cardId}`]);
	// One card per Anki note and cloze number (absent for cards not imported from Anki).
	if (p.name === 'personal_card')
		keys.push([
			'ankiGuid',
			(row) => (row.ankiGuid == null ? undefined : `${row.ankiGuid}\u0000${row.ankiOrd}`)
		]);
	for (const [key, valueOf] of keys) {
		const first = new Map<unknown, number>();
		p.rows.forEach((row, i) => {
			const value = valueOf(row);
			if (value === undefined) return;
			const earlier = first.get(value);
			if (earlier !== undefined)
				problem(
					p,
					i,
					key,
					key === 'contentHash'
						? `the same front and back as tables.${p.name}[${earlier}].`
						: `repeats tables.${p.name}[${earlier}].`
				);
			first.set(value, i);
		});
	}
}

export function checkReferences(prepared: readonly PreparedTable[]) {
	const of = (name: string) =>
		prepared.find((p) => p.name === name) ?? { name, t: null!, rows: [], nameOf: new Map() };
	for (const p of prepared) checkUnique(p);

	const targets = of('target');
	const activeRows = targets.rows.flatMap((t, i) => (t.active ? [i] : []));
	if (activeRows.length > 1)
		problem(targets, activeRows[1]!, 'active', 'only one target can be active.');
	const targetIds = new Set(targets.rows.map((t) => t.id));
	of('study_plan').rows.forEach((row, i) => {
		if (!targetIds.has(row.targetId))
			problem(of('study_plan'), i, 'targetId', 'no target of this export has this id.');
	});

	const ownCards = new Set(of('personal_card').rows.map((c) => c.id));
	const isCard = (id: unknown) => typeof id === 'string' && (ownCards.has(id) || isDeckCard(id));
	for (const name of ['card_state', 'card_base']) {
		of(name).rows.forEach((row, i) => {
			if (!isCard(row.cardId))
				problem(of(name), i, 'cardId', 'neither a card of this export nor a built-in card.');
		});
	}
	// A review outlives its card (a deleted personal card keeps its history), so a personal
	// card id that is not in the export is allowed in the log; it refers to nothing.
	of('review_log').rows.forEach((row, i) => {
		const id = row.cardId as string;
		if (!isCard(id) && !id.startsWith(PERSONAL_ID_PREFIX))
			problem(of('review_log'), i, 'cardId', 'neither a personal card id nor a built-in card.');
	});
	// Credit belongs to a review of the log (undoing one removes its credit) and, like the
	// log, may name a personal card deleted since.
	const reviewIds = new Set(of('review_log').rows.map((r) => r.id));
	of('review_credit').rows.forEach((row, i) => {
		const id = row.cardId as string;
		if (!reviewIds.has(row.reviewId))
			problem(of('review_credit'), i, 'reviewId', 'no review of this export has this id.');
		if (!isCard(id) && !id.startsWith(PERSONAL_ID_PREFIX))
			problem(of('review_credit'), i, 'cardId', 'neither a personal card id nor a built-in card.');
	});
}
