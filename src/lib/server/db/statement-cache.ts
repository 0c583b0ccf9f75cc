// Prepared statements kept per connection. @libsql/client's embedded driver prepares a
// statement's SQL again on every execute (`db.prepare(sql)` in its executeStmt), and drizzle and
// our compiled statements send the same few dozen SQL texts over and over: under
// `npm run bench` preparing was 11 % of the server's main thread on review sync. libsql's
// statements are reusable — after an error, after a partial read, across transactions — so each
// connection keeps its most recently used ones. Only the embedded driver goes through here; a
// libSQL server prepares on its side.
import Database from 'libsql';

/** Per connection: enough for every statement the app sends, bounded for ad hoc ones. */
const MAX_STATEMENTS = 256;

type Statement = Database.Statement;
type Prepare = (this: Database.Database, sql: string) => Statement;

/**
 * What a prepared statement answers the same way every time, asked once. executeStmt asks each
 * execute for integer mode, raw mode and (twice) the columns — each a call into the native
 * binding, and `raw()` on a write throws a fresh native error (that is how the driver tells a
 * write from a read): together 15 % of the server's time on review sync, for answers fixed when
 * the SQL was prepared. The app's schema changes only at start-up, before any statement is kept.
 */
class KeptStatement {
	readonly #statement: Statement;
	#safeIntegers: boolean | undefined;
	#raw: boolean | undefined;
	#columns: ReturnType<Statement['columns']> | undefined;
	/** What `raw()` threw: the statement returns no rows. */
	#notReader: unknown;

	constructor(statement: Statement) {
		this.#statement = statement;
	}

	get reader(): boolean {
		return this.#statement.reader;
	}

	safeIntegers(on = true) {
		if (this.#safeIntegers !== on) {
			this.#statement.safeIntegers(on);
			this.#safeIntegers = on;
		}
		return this;
	}

	raw(on = true) {
		if (this.#notReader !== undefined) throw this.#notReader;
		if (this.#raw !== on) {
			try {
				this.#statement.raw(on);
			} catch (error) {
				this.#notReader = error;
				throw error;
			}
			this.#raw = on;
		}
		return this;
	}

	pluck(on = true) {
		this.#statement.pluck(on);
		return this;
	}

	columns() {
		this.#columns ??= Object.freeze(this.#statement.columns()) as ReturnType<Statement['columns']>;
		return this.#columns;
	}

	run(...params: unknown[]) {
		return this.#statement.run(...params);
	}

	get(...params: unknown[]) {
		return this.#statement.get(...params);
	}

	all(...params: unknown[]) {
		return this.#statement.all(...params);
	}

	iterate(...params: unknown[]) {
		return this.#statement.iterate(...params);
	}
}

let installed = false;

export function cacheStatements() {
	if (installed) return;
	installed = true;
	const proto = Database.prototype as unknown as { prepare: Prepare };
	const prepare = proto.prepare;
	const caches = new WeakMap<object, Map<string, Statement>>();
	proto.prepare = function (sql) {
		let cache = caches.get(this);
		if (!cache) caches.set(this, (cache = new Map()));
		let statement = cache.get(sql);
		if (statement) {
			// Re-inserted: Map keeps insertion order, so the first key is the least recently used.
			cache.delete(sql);
		} else {
			statement = new KeptStatement(prepare.call(this, sql)) as unknown as Statement;
			if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
		}
		cache.set(sql, statement);
		return statement;
	};
}
