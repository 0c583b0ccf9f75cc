import { and, eq, notLike } from 'drizzle-orm';
import { toAnkiText, toJsonExport, type BuiltinExportCard, type TextFormat } from '$lib/core/cards';
import type { Database } from '$lib/server/db/client';
import * as table from '$lib/server/db/schema';
import { getDeck } from '$lib/server/content';
import { listPersonalCards, PERSONAL_ID_PREFIX } from './personal-cards';

export type ExportFormat = TextFormat | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['tsv', 'csv', 'json'];

/** The built-in cards the learner studies (they have a schedule), retired ones left out. */
async function studiedDeckCards(db: Database, userId: string): Promise<BuiltinExportCard[]> {
	const rows = await db
		.select({ cardId: table.cardState.cardId })
		.from(table.cardState)
		.where(
			and(
				eq(table.cardState.userId, userId),
				notLike(table.cardState.cardId, `${PERSONAL_ID_PREFIX}%`)
			)
		);
	const studied = new Set(rows.map((r) => r.cardId));
	return (await getDeck())
		.filter((card) => studied.has(card.id) && !card.retired)
		.map(({ id, skillId, level, kind, frontHtml, backHtml, source }) => ({
			id,
			skillId,
			level,
			kind,
			frontHtml,
			backHtml,
			source
		}));
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	tsv: 'text/tab-separated-values; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

/**
 * The learner's own cards and the built-in ones they study, as a file to download
 * (Anki's text importer accepts .tsv, .csv and .txt).
 */
export async function exportCards(db: Database, userId: string, format: ExportFormat, now: Date) {
	const [personal, builtin] = await Promise.all([
		listPersonalCards(db, userId, { order: 'oldest' }),
		studiedDeckCards(db, userId)
	]);
	const body =
		format === 'json'
			? JSON.stringify(toJsonExport(personal, builtin, now), null, 2)
			: toAnkiText(personal, builtin, format);
	return {
		body,
		contentType: CONTENT_TYPES[format],
		filename: `gapwise-cards-${now.toISOString().slice(0, 10)}.${format}`
	};
}
