import {
	buildImportPreview,
	cardContentHash,
	parseAnkiText,
	type ImportPreview,
	type ParsedAnkiText
} from '$lib/core/cards';
import type { Database } from '$lib/server/db/client';
import * as table from '$lib/server/db/schema';
import { and, eq } from 'drizzle-orm';
import { newPersonalCardId, personalAnkiCards, personalCardHashes } from './personal-cards';
import { isSkill } from './skills';

export interface ImportDefaults {
	/** For lines without a `skill::` tag. */
	skillId?: string;
	/** For lines without a `level::` tag. */
	level?: number;
}

export type ImportPreviewResult =
	| { ok: true; preview: ImportPreview; separator: ParsedAnkiText['separator']; html: boolean }
	| { ok: false; message: string };

/** What an import of this text would do. Reads only: nothing is written before a confirm. */
export async function previewImport(
	db: Database,
	userId: string,
	text: string,
	defaults: ImportDefaults
): Promise<ImportPreviewResult> {
	const parsed = parseAnkiText(text);
	if (!parsed.ok) return parsed;
	if (parsed.value.notes.length === 0) {
		return { ok: false, message: 'No cards found: paste lines of front, separator, back.' };
	}
	const preview = buildImportPreview(parsed.value, {
		isSkill,
		defaultSkillId: defaults.skillId,
		defaultLevel: defaults.level,
		existingHashes: await personalCardHashes(db, userId),
		existingAnki: await personalAnkiCards(db, userId)
	});
	return { ok: true, preview, separator: parsed.value.separator, html: parsed.value.html };
}

export type ImportResult =
	| { ok: true; created: number; updated: number; skipped: number; preview: ImportPreview }
	| { ok: false; message: string };

const ROWS_PER_INSERT = 200;

/**
 * Imports the new cards of the text and updates the ones imported before from the same Anki
 * notes (same id, so their schedules are kept), all or nothing. The text is parsed again
 * rather than trusting a preview sent back by the browser; the unique (user, content hash)
 * and (user, Anki note, card) indexes make a repeated or concurrent import add nothing twice.
 */
export async function confirmImport(
	db: Database,
	userId: string,
	text: string,
	defaults: ImportDefaults,
	now: Date
): Promise<ImportResult> {
	const result = await previewImport(db, userId, text, defaults);
	if (!result.ok) return result;
	const rows = result.preview.rows.flatMap((row) =>
		row.status === 'new' && row.draft
			? [
					{
						id: newPersonalCardId(),
						userId,
						...row.draft,
						contentHash: cardContentHash(row.draft.front, row.draft.back),
						ankiGuid: row.anki?.guid ?? null,
						ankiOrd: row.anki?.ord ?? null,
						createdAt: now,
						updatedAt: now
					}
				]
			: []
	);
	const updates = result.preview.rows.filter((row) => row.status === 'update');
	let created = 0;
	try {
		await db.transaction(async (tx) => {
			for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
				const inserted = await tx
					.insert(table.personalCard)
					.values(rows.slice(i, i + ROWS_PER_INSERT))
					.onConflictDoNothing()
					.returning({ id: table.personalCard.id });
				created += inserted.length;
			}
			for (const { draft, updateId } of updates) {
				const card = draft!;
				const id = updateId!;
				await tx
					.update(table.personalCard)
					.set({ ...card, contentHash: cardContentHash(card.front, card.back), updatedAt: now })
					.where(and(eq(table.personalCard.userId, userId), eq(table.personalCard.id, id)));
				// The schedule follows a new skill or level, as after an edit.
				await tx
					.update(table.cardState)
					.set({ skillId: card.skillId, level: card.level })
					.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, id)));
			}
		});
	} catch (error) {
		if (/UNIQUE constraint failed/i.test(`${String(error)} ${String((error as Error).cause)}`))
			return { ok: false, message: 'Your cards changed during the import: preview it again.' };
		throw error;
	}
	return {
		ok: true,
		created,
		updated: updates.length,
		skipped: result.preview.rows.length - created - updates.length,
		preview: result.preview
	};
}
