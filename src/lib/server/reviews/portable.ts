// GET /api/export and POST /api/import: one JSON document with all of a learner's data,
// table by table (see portable-tables.ts). Column names are the SQL ones, times are ISO
// strings. Ids are kept as they are — a card's fuzz seed contains its id, so an imported
// account schedules exactly like the original. The import is in portable-import.ts.
import { eq, getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { EXPORTED, PROFILE_COLUMNS } from './portable-tables';
import { MB } from '$lib/server/http/body';
import { EXPORT_FORMAT, EXPORT_VERSION, userColumn } from './portable-import';

export { EXPORT_FORMAT, EXPORT_VERSION, importLearner, type ImportResult } from './portable-import';

/**
 * Years of daily reviews stay well under this. scripts/start.js sets the server's
 * BODY_SIZE_LIMIT to the same 50M, so the two doors (POST /api/import and the settings
 * page's upload) and the server agree.
 */
export const MAX_IMPORT_BYTES = 50 * MB;

type Row = Record<string, unknown>;

export interface ExportDocument {
	format: typeof EXPORT_FORMAT;
	version: number;
	exportedAt: string;
	profile: Row & { username: string; createdAt: string };
	tables: Record<string, Row[]>;
}

function toJson(column: SQLiteColumn, value: unknown): unknown {
	return value instanceof Date && column.dataType === 'date' ? value.toISOString() : value;
}

export async function exportLearner(
	db: Database,
	userId: string,
	now: Date
): Promise<ExportDocument> {
	const [user] = await db.select().from(table.user).where(eq(table.user.id, userId));
	if (!user) throw new Error('no such user');
	const profile: ExportDocument['profile'] = {
		username: user.username,
		createdAt: user.createdAt.toISOString()
	};
	for (const key of PROFILE_COLUMNS) profile[key] = user[key];
	const tables: Record<string, Row[]> = {};
	for (const [name, t] of Object.entries(EXPORTED)) {
		const [userKey, userCol] = userColumn(t);
		const columns = Object.entries(getTableColumns(t)).filter(([key]) => key !== userKey);
		const rows = (await db.select().from(t).where(eq(userCol, userId))) as Row[];
		tables[name] = rows.map((row) =>
			Object.fromEntries(columns.map(([key, column]) => [column.name, toJson(column, row[key])]))
		);
	}
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: now.toISOString(),
		profile,
		tables
	};
}
