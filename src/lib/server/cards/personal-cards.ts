import { and, asc, count, desc, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '$lib/server/db/client';
import * as table from '$lib/server/db/schema';
import {
	cardContentHash,
	type AnkiCardOnFile,
	type CardDraft,
	type CardPatch,
	type PersonalCardKind
} from '$lib/core/cards';
import { ankiCardKey } from '$lib/core/cards';

// Every query here is scoped by the learner's id: another learner's card is simply not found.

/** The database or an open transaction: inside a transaction, queries must use the transaction. */
type Queryable = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export const PERSONAL_ID_PREFIX = 'pc_';

export interface PersonalCard {
	id: string;
	skillId: string;
	level: number;
	front: string;
	back: string;
	tags: string[];
	kind: PersonalCardKind;
	createdAt: Date;
	updatedAt: Date;
}

const columns = {
	id: table.personalCard.id,
	skillId: table.personalCard.skillId,
	level: table.personalCard.level,
	front: table.personalCard.front,
	back: table.personalCard.back,
	tags: table.personalCard.tags,
	kind: table.personalCard.kind,
	createdAt: table.personalCard.createdAt,
	updatedAt: table.personalCard.updatedAt
};

export function newPersonalCardId(): string {
	return `${PERSONAL_ID_PREFIX}${crypto.randomUUID()}`;
}

export interface ListOptions {
	/** Words to find in the front, back or tags (case-insensitive for ASCII). */
	search?: string;
	skillId?: string;
	/** Only cards without a card_state row: ones never scheduled, i.e. new to the learner. */
	onlyNew?: boolean;
	/** 'newest' (default) for the list page; 'oldest' for a queue that adds cards in order written. */
	order?: 'newest' | 'oldest';
	limit?: number;
	offset?: number;
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filters(userId: string, opts: ListOptions): SQL | undefined {
	const conditions: (SQL | undefined)[] = [eq(table.personalCard.userId, userId)];
	if (opts.skillId) conditions.push(eq(table.personalCard.skillId, opts.skillId));
	for (const word of (opts.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)) {
		const pattern = `%${escapeLike(word)}%`;
		conditions.push(
			sql`(${table.personalCard.front} LIKE ${pattern} ESCAPE '\\' OR ${table.personalCard.back} LIKE ${pattern} ESCAPE '\\' OR ${table.personalCard.tags} LIKE ${pattern} ESCAPE '\\')`
		);
	}
	if (opts.onlyNew) conditions.push(isNull(table.cardState.cardId));
	return and(...conditions);
}

/** The card_state row of a personal card, if it has been scheduled. */
const stateJoin = and(
	eq(table.cardState.userId, table.personalCard.userId),
	eq(table.cardState.cardId, table.personalCard.id)
);

/**
 * The learner's personal cards, filtered and paged. Reusable by the review queue:
 * `{ onlyNew: true, order: 'oldest' }` gives the cards to introduce as new.
 */
export async function listPersonalCards(
	db: Database,
	userId: string,
	opts: ListOptions = {}
): Promise<PersonalCard[]> {
	const order =
		opts.order === 'oldest'
			? [asc(table.personalCard.createdAt), asc(table.personalCard.id)]
			: [desc(table.personalCard.createdAt), desc(table.personalCard.id)];
	const query = db
		.select(columns)
		.from(table.personalCard)
		.leftJoin(table.cardState, stateJoin)
		.where(filters(userId, opts))
		.orderBy(...order)
		.$dynamic();
	// SQLite reads LIMIT -1 as "no limit", which an offset alone needs.
	if (opts.limit !== undefined || opts.offset !== undefined) {
		query.limit(opts.limit ?? -1).offset(opts.offset ?? 0);
	}
	return query;
}

export async function countPersonalCards(
	db: Database,
	userId: string,
	opts: Omit<ListOptions, 'order' | 'limit' | 'offset'> = {}
): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(table.personalCard)
		.leftJoin(table.cardState, stateJoin)
		.where(filters(userId, opts));
	return row?.n ?? 0;
}

export async function getPersonalCard(
	db: Queryable,
	userId: string,
	id: string
): Promise<PersonalCard | undefined> {
	const [row] = await db
		.select(columns)
		.from(table.personalCard)
		.where(and(eq(table.personalCard.id, id), eq(table.personalCard.userId, userId)));
	return row;
}

/** Content hashes of all the learner's cards, for duplicate checks before an import. */
export async function personalCardHashes(db: Database, userId: string): Promise<Set<string>> {
	const rows = await db
		.select({ hash: table.personalCard.contentHash })
		.from(table.personalCard)
		.where(eq(table.personalCard.userId, userId));
	return new Set(rows.map((r) => r.hash));
}

/** The learner's cards imported from Anki notes, by note and card, for a re-import. */
export async function personalAnkiCards(
	db: Database,
	userId: string
): Promise<Map<string, AnkiCardOnFile>> {
	const rows = await db
		.select({
			id: table.personalCard.id,
			hash: table.personalCard.contentHash,
			skillId: table.personalCard.skillId,
			level: table.personalCard.level,
			tags: table.personalCard.tags,
			guid: table.personalCard.ankiGuid,
			ord: table.personalCard.ankiOrd
		})
		.from(table.personalCard)
		.where(and(eq(table.personalCard.userId, userId), isNotNull(table.personalCard.ankiGuid)));
	return new Map(
		rows.map(({ guid, ord, ...card }) => [ankiCardKey({ guid: guid!, ord: ord ?? 0 }), card])
	);
}

async function findByHash(db: Queryable, userId: string, hash: string, exceptId?: string) {
	const [row] = await db
		.select({ id: table.personalCard.id })
		.from(table.personalCard)
		.where(
			and(
				eq(table.personalCard.userId, userId),
				eq(table.personalCard.contentHash, hash),
				exceptId ? ne(table.personalCard.id, exceptId) : undefined
			)
		);
	return row;
}

export type CreateResult =
	{ ok: true; card: PersonalCard } | { ok: false; reason: 'duplicate'; existingId: string };
export type UpdateResult = CreateResult | { ok: false; reason: 'not-found' };

export const DUPLICATE_MESSAGE = 'You already have a card with this front and back.';

function isUniqueViolation(error: unknown): boolean {
	return /UNIQUE constraint failed/i.test(String(error));
}

export async function createPersonalCard(
	db: Database,
	userId: string,
	draft: CardDraft,
	now: Date
): Promise<CreateResult> {
	const card: PersonalCard = {
		id: newPersonalCardId(),
		...draft,
		kind: draft.kind ?? 'qa',
		createdAt: now,
		updatedAt: now
	};
	const contentHash = cardContentHash(draft.front, draft.back);
	const inserted = await db
		.insert(table.personalCard)
		.values({ ...card, userId, contentHash })
		.onConflictDoNothing()
		.returning({ id: table.personalCard.id });
	if (inserted.length === 0) {
		const existing = await findByHash(db, userId, contentHash);
		return { ok: false, reason: 'duplicate', existingId: existing?.id ?? '' };
	}
	return { ok: true, card };
}

/**
 * Changes a card in place: the id stays, and so does its card_state row, so the schedule
 * survives an edit. A new skill or level is copied to the schedule row, which keeps both.
 */
export async function updatePersonalCard(
	db: Database,
	userId: string,
	id: string,
	patch: CardPatch,
	now: Date
): Promise<UpdateResult> {
	try {
		return await db.transaction(async (tx) => {
			const current = await getPersonalCard(tx, userId, id);
			if (!current) return { ok: false, reason: 'not-found' } as const;
			const next: PersonalCard = {
				...current,
				...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
				updatedAt: now
			};
			const contentHash = cardContentHash(next.front, next.back);
			const clash = await findByHash(tx, userId, contentHash, id);
			if (clash) return { ok: false, reason: 'duplicate', existingId: clash.id } as const;
			await tx
				.update(table.personalCard)
				.set({
					skillId: next.skillId,
					level: next.level,
					front: next.front,
					back: next.back,
					tags: next.tags,
					contentHash,
					updatedAt: now
				})
				.where(and(eq(table.personalCard.id, id), eq(table.personalCard.userId, userId)));
			if (next.skillId !== current.skillId || next.level !== current.level) {
				await tx
					.update(table.cardState)
					.set({ skillId: next.skillId, level: next.level })
					.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, id)));
			}
			return { ok: true, card: next } as const;
		});
	} catch (error) {
		// Two edits racing to the same text: the unique index decides.
		if (isUniqueViolation(error)) return { ok: false, reason: 'duplicate', existingId: '' };
		throw error;
	}
}

/**
 * Deletes a card and its schedule. Review history (review_log) is kept, as for retired
 * built-in cards, so past statistics do not change.
 */
export async function deletePersonalCard(
	db: Database,
	userId: string,
	id: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(table.personalCard)
			.where(and(eq(table.personalCard.id, id), eq(table.personalCard.userId, userId)))
			.returning({ id: table.personalCard.id });
		if (deleted.length === 0) return false;
		await tx
			.delete(table.cardState)
			.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, id)));
		return true;
	});
}
