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

type Prepare = (this: Database.Database, sql: string) => Database.Statement;

let installed = false;

export function cacheStatements() {
	if (installed) return;
	installed = true;
	const proto = Database.prototype as unknown as { prepare: Prepare };
	const prepare = proto.prepare;
	const caches = new WeakMap<object, Map<string, Database.Statement>>();
	proto.prepare = function (sql) {
		let cache = caches.get(this);
		if (!cache) caches.set(this, (cache = new Map()));
		let statement = cache.get(sql);
		if (statement) {
			// Re-inserted: Map keeps insertion order, so the first key is the least recently used.
			cache.delete(sql);
		} else {
			statement = prepare.call(this, sql);
			if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
		}
		cache.set(sql, statement);
		return statement;
	};
}
