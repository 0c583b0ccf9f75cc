// GET /api/export and POST /api/import: one JSON document with all of a learner's data,
// table by table (see portable-tables.ts). Column names are the SQL ones, times are ISO
// strings. Ids are kept as they are — a card's fuzz seed contains its id, so an imported
// account schedules exactly like the original — which is why an import is refused when the
// ids already exist on this server (the original account is still here).
import { count, eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { EXPORTED, PROFILE_COLUMNS } from './portable-tables';
import { MB } from '$lib/server/http/body';
import type { Queryable } from './db';

export const EXPORT_FORMAT = 'gapwise-export';
/**
 * Years of daily reviews stay well under this. scripts/start.js sets the server's
 * BODY_SIZE_LIMIT to the same 50M, so the two doors (POST /api/import and the settings
 * page's upload) and the server agree.
 */
export const MAX_IMPORT_BYTES = 50 * MB;
export const EXPORT_VERSION = 1;
const BATCH = 200;

type Row = Record<string, unknown>;

export interface ExportDocument {
	format: typeof EXPORT_FORMAT;
	version: number;
	exportedAt: string;
	profile: Row & { username: string; createdAt: string };
	tables: Record<string, Row[]>;
}

function userColumn(t: SQLiteTable): [string, SQLiteColumn] {
	const entry = Object.entries(getTableColumns(t)).find(([, c]) => c.name === 'user_id');
	if (!entry) throw new Error(`${getTableName(t)} has no user_id column`);
	return entry;
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

export type ImportResult =
	{ ok: true; rows: Record<string, number> } | { ok: false; status: 400 | 409; message: string };

class ImportProblem extends Error {
	constructor(
		readonly status: 400 | 409,
		message: string
	) {
		super(message);
	}
}

function fromJson(tableName: string, column: SQLiteColumn, value: unknown): unknown {
	const where = `${tableName}.${column.name}`;
	if (value === null || value === undefined) {
		if (column.notNull && !column.hasDefault) throw new ImportProblem(400, `${where} is missing.`);
		return value === null ? null : undefined;
	}
	switch (column.dataType) {
		case 'date': {
			const time = typeof value === 'string' ? Date.parse(value) : NaN;
			if (!Number.isFinite(time)) throw new ImportProblem(400, `${where} is not an ISO time.`);
			return new Date(time);
		}
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value))
				throw new ImportProblem(400, `${where} is not a number.`);
			return value;
		case 'boolean':
			if (typeof value !== 'boolean')
				throw new ImportProblem(400, `${where} is not true or false.`);
			return value;
		case 'string':
			if (typeof value !== 'string') throw new ImportProblem(400, `${where} is not text.`);
			if (column.enumValues?.length && !column.enumValues.includes(value))
				throw new ImportProblem(400, `${where} is not one of ${column.enumValues.join(', ')}.`);
			return value;
		default:
			// JSON columns hold what their owner wrote; any JSON value round-trips.
			return value;
	}
}

function rowsOf(doc: Record<string, unknown>, name: string): Row[] {
	const tables = doc.tables as Record<string, unknown> | undefined;
	const rows = tables?.[name] ?? [];
	if (
		!Array.isArray(rows) ||
		rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))
	)
		throw new ImportProblem(400, `tables.${name} must be a list of objects.`);
	return rows as Row[];
}

async function isEmptyAccount(db: Queryable, userId: string): Promise<boolean> {
	for (const t of Object.values(EXPORTED)) {
		const [, userCol] = userColumn(t);
		const [row] = await db.select({ n: count() }).from(t).where(eq(userCol, userId));
		if ((row?.n ?? 0) > 0) return false;
	}
	return true;
}

/** Loads an export into the signed-in learner's account, which must be empty. All or nothing. */
export async function importLearner(
	db: Database,
	userId: string,
	doc: unknown
): Promise<ImportResult> {
	try {
		if (typeof doc !== 'object' || doc === null)
			throw new ImportProblem(400, 'Send the export document.');
		const d = doc as Record<string, unknown>;
		if (d.format !== EXPORT_FORMAT || d.version !== EXPORT_VERSION)
			throw new ImportProblem(400, `This is not a Gapwise export (version ${EXPORT_VERSION}).`);
		const known = new Set(Object.keys(EXPORTED));
		const unknown = Object.keys((d.tables as object | undefined) ?? {}).filter(
			(n) => !known.has(n)
		);
		if (unknown.length) throw new ImportProblem(400, `Unknown table in the export: ${unknown[0]}.`);
		const profile = (d.profile ?? {}) as Row;

		const prepared = Object.entries(EXPORTED).map(([name, t]) => {
			const [userKey] = userColumn(t);
			const columns = Object.entries(getTableColumns(t)).filter(([key]) => key !== userKey);
			const byName = new Set(columns.map(([, c]) => c.name));
			const rows = rowsOf(d, name).map((raw) => {
				const extra = Object.keys(raw).find((k) => !byName.has(k));
				if (extra) throw new ImportProblem(400, `${name}.${extra} is not a known column.`);
				const row: Row = { [userKey]: userId };
				for (const [key, column] of columns) {
					const value = fromJson(name, column, raw[column.name]);
					if (value !== undefined) row[key] = value;
				}
				return row;
			});
			return { name, t, rows };
		});
		const profileValues: Row = {};
		const userColumns = getTableColumns(table.user);
		for (const key of PROFILE_COLUMNS) {
			if (key in profile) profileValues[key] = fromJson('profile', userColumns[key], profile[key]);
		}

		return await db.transaction(async (tx) => {
			if (!(await isEmptyAccount(tx, userId)))
				throw new ImportProblem(
					409,
					'Import into a new, empty account: this one already has data.'
				);
			if (Object.keys(profileValues).length)
				await tx.update(table.user).set(profileValues).where(eq(table.user.id, userId));
			const counts: Record<string, number> = {};
			for (const { name, t, rows } of prepared) {
				for (let i = 0; i < rows.length; i += BATCH) {
					await tx.insert(t).values(rows.slice(i, i + BATCH));
				}
				counts[name] = rows.length;
			}
			return { ok: true as const, rows: counts };
		});
	} catch (error) {
		if (error instanceof ImportProblem)
			return { ok: false, status: error.status, message: error.message };
		const text = `${String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`;
		if (/UNIQUE constraint failed|SQLITE_CONSTRAINT/.test(text))
			return {
				ok: false,
				status: 409,
				message:
					'Some of these ids already exist on this server (is the exported account still here?), or the export repeats a row.'
			};
		throw error;
	}
}
