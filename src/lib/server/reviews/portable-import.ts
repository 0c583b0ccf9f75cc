// POST /api/import: an export document into the signed-in learner's account, which must be
// empty. Every row passes the schema of the API that creates such rows (portable-rows.ts)
// and the references between rows are checked (portable-refs.ts) before anything is
// written; one bad row refuses the whole document, with the row and field named.
import * as v from 'valibot';
import { count, eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { cardContentHash } from '$lib/core/cards';
import { EXPORTED, PROFILE_COLUMNS } from './portable-tables';
import { profileSchema, rowSchemas } from './portable-rows';
import { checkReferences, type PreparedTable } from './portable-refs';
import { ImportProblem, type Row } from './portable-problem';
import type { Queryable } from './db';

export const EXPORT_FORMAT = 'gapwise-export';
export const EXPORT_VERSION = 1;
const BATCH = 200;

export type ImportResult =
	{ ok: true; rows: Record<string, number> } | { ok: false; status: 400 | 409; message: string };

export function userColumn(t: SQLiteTable): [string, SQLiteColumn] {
	const entry = Object.entries(getTableColumns(t)).find(([, c]) => c.name === 'user_id');
	if (!entry) throw new Error(`${getTableName(t)} has no user_id column`);
	return entry;
}

/** "tables.target[0].skills[2].id: No skill has this id." — SQL names, as the export has them. */
function describeIssue(where: string, issue: v.BaseIssue<unknown>, names: Map<string, string>) {
	let path = where;
	for (const [i, item] of (issue.path ?? []).entries()) {
		const key = item.key as string | number;
		if (typeof key === 'number') path += `[${key}]`;
		else path += `.${i === 0 ? (names.get(key) ?? key) : key}`;
	}
	const missing = issue.input === undefined && (issue.path?.length ?? 0) === 1;
	return `${path}: ${missing ? 'is missing.' : issue.message}`;
}

function validRow<S extends v.GenericSchema>(
	schema: S,
	input: Row,
	where: string,
	names: Map<string, string>
): Row {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new ImportProblem(400, describeIssue(where, result.issues[0], names));
	return result.output as Row;
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

function prepareTable(
	doc: Record<string, unknown>,
	name: string,
	t: SQLiteTable,
	schema: v.GenericSchema
): PreparedTable {
	const [userKey] = userColumn(t);
	const columns = Object.entries(getTableColumns(t)).filter(([key]) => key !== userKey);
	const keyOf = new Map(columns.map(([key, c]) => [c.name, key]));
	const nameOf = new Map(columns.map(([key, c]) => [key, c.name]));
	const rows = rowsOf(doc, name).map((raw, i) => {
		const where = `tables.${name}[${i}]`;
		const input: Row = {};
		for (const [column, value] of Object.entries(raw)) {
			const key = keyOf.get(column);
			if (!key) throw new ImportProblem(400, `${where}.${column} is not a known column.`);
			// Absent and null are the same in an export; a column's schema says which it allows.
			if (value !== undefined) input[key] = value;
		}
		return validRow(schema, input, where, nameOf);
	});
	return { name, t, rows, nameOf };
}

async function isEmptyAccount(db: Queryable, userId: string): Promise<boolean> {
	for (const t of Object.values(EXPORTED)) {
		const [, userCol] = userColumn(t);
		const [row] = await db.select({ n: count() }).from(t).where(eq(userCol, userId));
		if ((row?.n ?? 0) > 0) return false;
	}
	return true;
}

function prepare(doc: unknown, now: Date) {
	if (typeof doc !== 'object' || doc === null)
		throw new ImportProblem(400, 'Send the export document.');
	const d = doc as Record<string, unknown>;
	if (d.format !== EXPORT_FORMAT || d.version !== EXPORT_VERSION)
		throw new ImportProblem(400, `This is not a Gapwise export (version ${EXPORT_VERSION}).`);
	const known = new Set(Object.keys(EXPORTED));
	const unknown = Object.keys((d.tables as object | undefined) ?? {}).filter((n) => !known.has(n));
	if (unknown.length) throw new ImportProblem(400, `Unknown table in the export: ${unknown[0]}.`);

	const schemas: Record<string, v.GenericSchema> = rowSchemas({
		today: now.toISOString().slice(0, 10)
	});
	const prepared = Object.entries(EXPORTED).map(([name, t]) => {
		const schema = schemas[name];
		// A table without a rule is never written unchecked (the export test lists it).
		if (!schema) {
			if (rowsOf(d, name).length === 0) return { name, t, rows: [], nameOf: new Map() };
			throw new ImportProblem(400, `tables.${name} cannot be imported on this server.`);
		}
		return prepareTable(d, name, t, schema);
	});
	for (const card of prepared.find((p) => p.name === 'personal_card')?.rows ?? [])
		card.contentHash = cardContentHash(card.front as string, card.back as string);
	checkReferences(prepared);

	const raw = (d.profile ?? {}) as Row;
	if (typeof raw !== 'object' || Array.isArray(raw))
		throw new ImportProblem(400, 'profile must be an object.');
	const travelling = Object.fromEntries(
		PROFILE_COLUMNS.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]])
	);
	const profile = validRow(profileSchema, travelling, 'profile', new Map());
	return { prepared, profile };
}

/** Loads an export into the signed-in learner's account, which must be empty. All or nothing. */
export async function importLearner(
	db: Database,
	userId: string,
	doc: unknown,
	now = new Date()
): Promise<ImportResult> {
	try {
		const { prepared, profile } = prepare(doc, now);
		return await db.transaction(async (tx) => {
			if (!(await isEmptyAccount(tx, userId)))
				throw new ImportProblem(
					409,
					'Import into a new, empty account: this one already has data.'
				);
			if (Object.keys(profile).length)
				await tx.update(table.user).set(profile).where(eq(table.user.id, userId));
			const counts: Record<string, number> = {};
			for (const { name, t, rows } of prepared) {
				const [userKey] = userColumn(t);
				const values = rows.map((row) => ({ ...row, [userKey]: userId }));
				for (let i = 0; i < values.length; i += BATCH) {
					await tx.insert(t).values(values.slice(i, i + BATCH));
				}
				counts[name] = rows.length;
			}
			return { ok: true as const, rows: counts };
		});
	} catch (error) {
		if (error instanceof ImportProblem)
			return { ok: false, status: error.status, message: error.message };
		throw error;
	}
}
