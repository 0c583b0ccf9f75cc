// Statements for hot paths, built once. Drizzle rebuilds a query's SQL text from its builder
// on every call and maps each result cell through its column checks; on the review-sync path
// that was about a third of the server's CPU per review (profiled under `npm run bench`).
// A compiled statement keeps drizzle's schema and SQL, takes named values, and runs on any
// libSQL connection: the client or an open transaction.
import type { InArgs, InValue, Transaction } from '@libsql/client';
import {
	getTableColumns,
	is,
	Param,
	Placeholder,
	sql,
	SQL,
	type Column,
	type Table
} from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import type { Database } from './client';

/** The database or an open transaction: inside a transaction, queries must use the transaction. */
export type Queryable = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/** Anything that runs a statement: a libSQL client or transaction. */
export interface Conn {
	execute: Transaction['execute'];
}

/** Builds SQL text only; it has no connection. */
const builder = drizzle.mock();
export type Builder = typeof builder;

type Slot = { kind: 'value'; value: InValue } | { kind: 'named'; name: string; encode: Encode };
type Encode = (value: unknown) => InValue;

/** Values as the app holds them (Date, boolean), for columns stored as integers. */
const toDriver: Encode = (value) => {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'boolean') return value ? 1 : 0;
	return value as InValue;
};

export interface Statement {
	sql: string;
	slots: Slot[];
}

export interface SelectStatement<R> extends Statement {
	decoders: ((value: unknown) => unknown)[];
	keys: string[];
	/** Never called: carries the row type. */
	readonly row?: R;
}

interface Built {
	toSQL(): { sql: string; params: unknown[] };
}

function compile(query: Built): Statement {
	const { sql, params } = query.toSQL();
	const slots = params.map((p): Slot => {
		if (is(p, Placeholder)) return { kind: 'named', name: p.name, encode: toDriver };
		if (is(p, Param) && is(p.value, Placeholder)) {
			const encoder = p.encoder as { mapToDriverValue(v: unknown): unknown } | undefined;
			const encode: Encode = encoder
				? (v) => (v === null ? null : (encoder.mapToDriverValue(v) as InValue))
				: toDriver;
			return { kind: 'named', name: p.value.name, encode };
		}
		return { kind: 'value', value: p as InValue };
	});
	return { sql, slots };
}

/** An insert, update or delete with `sql.placeholder(name)` where values go. */
export function compileRun(build: (b: Builder) => Built): Statement {
	return compile(build(builder));
}

/**
 * A select of a flat record of columns (or `sql<T>` expressions with `.mapWith`), with
 * `sql.placeholder(name)` where values go. Rows decode as drizzle would decode them.
 */
export function compileSelect<F extends Record<string, Column | SQL<unknown>>, R>(
	fields: F,
	build: (b: Builder, fields: F) => Built & { all(): Promise<R[]> }
): SelectStatement<R> {
	const keys = Object.keys(fields);
	const decoders = keys.map((key) => {
		const field = fields[key] as Column | SQL<unknown>;
		const decoder = field as unknown as { mapFromDriverValue?: (v: unknown) => unknown };
		if (is(field, SQL)) {
			const mapped = (field as unknown as { decoder: typeof decoder }).decoder;
			return (v: unknown) => (v === null ? null : (mapped.mapFromDriverValue?.(v) ?? v));
		}
		return (v: unknown) => (v === null ? null : (decoder.mapFromDriverValue?.(v) ?? v));
	});
	return { ...compile(build(builder, fields)), keys, decoders };
}

/** Insert values: a placeholder named after each of the table's columns. */
export function placeholdersFor<T extends Table>(
	table: T
): Record<keyof T['_']['columns'], Placeholder> {
	const columns = getTableColumns(table);
	return Object.fromEntries(
		Object.keys(columns).map((key) => [key, sql.placeholder(key)])
	) as Record<keyof T['_']['columns'], Placeholder>;
}

/** An upsert's `set`: each named column takes the value the insert proposed. */
export function excludedFor<T extends Table>(
	table: T,
	keys: readonly (keyof T['_']['columns'])[]
): Record<string, SQL> {
	const columns = getTableColumns(table) as Record<string, Column>;
	return Object.fromEntries(
		keys.map((key) => [key, sql.raw(`excluded."${columns[key as string]!.name}"`)])
	);
}

export interface JsonRowsStatement<R> extends SelectStatement<R> {
	json: true;
}

/**
 * A select returning many rows, fetched as one JSON array. The embedded driver builds every
 * row cell by cell with property definitions: for a queue of 400 due cards that was 5 of the
 * query's 7 ms, against under 1 ms as one aggregated value. Read-only paths only: SQLite
 * writes reals to JSON with 15 significant digits, fine for ranking, not for storing back.
 */
export function compileJsonRows<F extends Record<string, Column>, R>(
	fields: F,
	build: (b: Builder, fields: F) => Built & { all(): Promise<R[]> }
): JsonRowsStatement<R> {
	const inner = compileSelect(fields, build);
	const names = Object.values(fields).map((column) => `"${column.name}"`);
	const sqlText = `select json_group_array(json_array(${names.join(', ')})) from (${inner.sql})`;
	return { ...inner, sql: sqlText, json: true };
}

export async function selectJsonRows<R>(
	conn: Conn,
	statement: JsonRowsStatement<R>,
	values: Record<string, unknown> = {}
): Promise<R[]> {
	const result = await conn.execute({ sql: statement.sql, args: argsOf(statement, values) });
	const cells = JSON.parse(String(result.rows[0]?.[0] ?? '[]')) as unknown[][];
	const { keys, decoders } = statement;
	return cells.map((cell) => {
		const out: Record<string, unknown> = {};
		for (let i = 0; i < keys.length; i++) out[keys[i] as string] = decoders[i]!(cell[i]);
		return out as R;
	});
}

function argsOf(statement: Statement, values: Record<string, unknown>): InArgs {
	return statement.slots.map((slot) => {
		if (slot.kind === 'value') return slot.value;
		if (!(slot.name in values)) throw new Error(`No value for "${slot.name}".`);
		return slot.encode(values[slot.name]);
	});
}

export async function selectRows<R>(
	conn: Conn,
	statement: SelectStatement<R>,
	values: Record<string, unknown> = {}
): Promise<R[]> {
	const result = await conn.execute({ sql: statement.sql, args: argsOf(statement, values) });
	const { keys, decoders } = statement;
	return result.rows.map((row) => {
		const out: Record<string, unknown> = {};
		for (let i = 0; i < keys.length; i++) out[keys[i] as string] = decoders[i]!(row[i]);
		return out as R;
	});
}

export async function run(
	conn: Conn,
	statement: Statement,
	values: Record<string, unknown> = {}
): Promise<number> {
	const result = await conn.execute({ sql: statement.sql, args: argsOf(statement, values) });
	return result.rowsAffected;
}

/**
 * The libSQL connection under a drizzle database or transaction, so compiled statements run
 * inside the caller's transaction. Drizzle keeps a transaction's libSQL handle on its session.
 */
export function connOf(q: Queryable): Conn {
	const tx = (q as unknown as { session?: { tx?: Conn } }).session?.tx;
	if (tx) return tx;
	// A transaction without a handle would send the statement outside it: refuse loudly.
	if (is(q, SQLiteTransaction)) throw new Error('connOf: no libSQL handle on this transaction.');
	const client = (q as unknown as { $client?: Conn }).$client;
	if (!client) throw new Error('connOf: not a drizzle libSQL database.');
	return client;
}
