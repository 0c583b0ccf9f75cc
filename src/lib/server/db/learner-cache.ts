// What a learner's pages read again and again — the whole review log, every card's state, the
// levels drawn from them — kept in memory while none of it has changed. A learner of a year has
// tens of thousands of reviews; reading and mapping them on every request made each page's
// time grow with the learner's history (issue 16, "flat in the learner's history").
//
// Whether they changed is one primary-key read: `user.data_version`, which triggers on every
// table of the learner's own data — cards, log, ratings, targets, plan, review settings — and
// on the settings kept in the user row (migration 0013), set to a fresh random value with every
// insert, update or delete; sessions and push subscriptions are left out. Every
// write path is covered without the app having to remember it, every process sharing the
// database (a libSQL server) sees it, and a value written inside a transaction that rolled
// back is never seen again — so a figure cached under it never returns.
import { eq, sql } from 'drizzle-orm';
import { user } from './schema';
import { compileSelect, connOf, selectRows, type Queryable } from './compiled';

const MAX_LEARNERS = 200;
/** Figures kept per learner and version (levels are kept per minute asked about). */
const MAX_VALUES = 32;

interface Entry {
	version: string;
	values: Map<string, Promise<unknown>>;
}

const cache = new Map<string, Entry>();

// Compiled once: a page asks this of every cached figure it reads, ten times or more.
const versionSelect = compileSelect({ v: user.dataVersion }, (b, fields) =>
	b
		.select(fields)
		.from(user)
		.where(eq(user.id, sql.placeholder('userId')))
		.limit(1)
);

/** The learner's data version, or null for a learner who no longer exists. */
async function dataVersion(db: Queryable, userId: string): Promise<string | null> {
	const [row] = await selectRows(connOf(db), versionSelect, { userId });
	return row ? String(row.v) : null;
}

/**
 * `load()`'s value for this learner, computed again only after their cards or log changed.
 * Concurrent callers share one load. `load` must read nothing but what the version covers
 * (above) and fixed content: anything else it read would go stale unseen.
 */
export async function perLearner<T>(
	db: Queryable,
	userId: string,
	key: string,
	load: () => Promise<T>
): Promise<T> {
	const version = await dataVersion(db, userId);
	if (version === null) return load();
	let entry = cache.get(userId);
	if (entry?.version !== version) {
		entry = { version, values: new Map() };
		if (cache.size >= MAX_LEARNERS) cache.delete(cache.keys().next().value!);
	} else {
		// Map keeps insertion order: re-inserting makes the first key the least recently used.
		cache.delete(userId);
	}
	cache.set(userId, entry);
	let value = entry.values.get(key) as Promise<T> | undefined;
	if (!value) {
		const values = entry.values;
		value = load();
		if (values.size >= MAX_VALUES) values.delete(values.keys().next().value!);
		values.set(key, value);
		// A failed read is not kept: the next caller tries again.
		value.catch(() => values.delete(key));
	}
	return value;
}

const MINUTE_MS = 60_000;

/**
 * The start of `now`'s minute: figures that drift only with time (levels, the day's new cards)
 * are kept per minute, so pages opened together agree and share one computation.
 */
export function minuteStart(now: Date): Date {
	return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
}
