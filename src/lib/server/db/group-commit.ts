// Group commit: many callers' writes share one transaction and one durable commit.
//
// On an embedded file every write transaction ends in an fsync of the WAL (synchronous=FULL),
// and this process runs one transaction at a time (serial.ts). Work that arrives while a
// commit is in flight waits for it anyway, so it is gathered and applied together in the next
// transaction: one BEGIN, one COMMIT and one fsync for the whole group. Each unit of work runs
// in its own SAVEPOINT, so a unit that fails is rolled back alone and the others still commit.
// A unit's promise settles only after the COMMIT holding it has returned: nothing is
// acknowledged before it is durable.
import type { Client, Transaction } from '@libsql/client';

/** One caller's writes; it must use `tx` only, never the client (it would wait on itself). */
export type Unit<T> = (tx: Transaction) => Promise<T>;

export interface GroupCommitStats {
	/** Transactions committed (or attempted). */
	commits: number;
	/** Units run, committed or not. */
	units: number;
}

export interface GroupCommit {
	run<T>(unit: Unit<T>): Promise<T>;
	readonly stats: GroupCommitStats;
}

export interface GroupCommitOptions {
	/** The most units one transaction takes; the rest wait for the next one. */
	maxUnits?: number;
}

interface Job {
	unit: Unit<unknown>;
	resolve(value: unknown): void;
	reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createGroupCommit(client: Client, options: GroupCommitOptions = {}): GroupCommit {
	const maxUnits = options.maxUnits ?? 64;
	const stats: GroupCommitStats = { commits: 0, units: 0 };
	let waiting: Job[] = [];
	// A group is scheduled or in flight: new work joins the next one.
	let scheduled = false;

	// The embedded driver runs statements synchronously, so nothing else happens during a
	// group: requests are read from their sockets only between event-loop turns. Starting a
	// group on the next turn (setImmediate) rather than at once lets every request already
	// read in this turn join it; a lone request waits for no one but that turn.
	function schedule() {
		if (scheduled) return;
		scheduled = true;
		setImmediate(() => void flush());
	}

	async function flush() {
		const group = waiting.slice(0, maxUnits);
		waiting = waiting.slice(maxUnits);
		try {
			await commitGroup(client, group, stats);
		} finally {
			scheduled = false;
			if (waiting.length > 0) schedule();
		}
	}

	function run<T>(unit: Unit<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			waiting.push({ unit, resolve: resolve as (v: unknown) => void, reject });
			schedule();
		});
	}

	return { run, stats };
}

async function commitGroup(client: Client, group: Job[], stats: GroupCommitStats) {
	let tx: Transaction;
	try {
		tx = await client.transaction('write');
	} catch (error) {
		for (const job of group) job.reject(error);
		return;
	}
	stats.commits += 1;
	const outcomes: Outcome[] = [];
	try {
		// A group of one needs no savepoint: its failure rolls back the transaction.
		const isolate = group.length > 1;
		for (const job of group) {
			stats.units += 1;
			outcomes.push(await runUnit(tx, job.unit, isolate));
		}
		if (outcomes.some((o) => o.ok)) await tx.commit();
		else await tx.rollback();
	} catch (error) {
		// The transaction itself failed (the commit, or a rollback to a savepoint): nothing in
		// it is durable, so no unit may be answered as done.
		for (const job of group) job.reject(error);
		return;
	} finally {
		tx.close();
	}
	group.forEach((job, i) => {
		const outcome = outcomes[i]!;
		if (outcome.ok) job.resolve(outcome.value);
		else job.reject(outcome.error);
	});
}

async function runUnit(tx: Transaction, unit: Unit<unknown>, isolate: boolean): Promise<Outcome> {
	if (!isolate) {
		try {
			return { ok: true, value: await unit(tx) };
		} catch (error) {
			return { ok: false, error };
		}
	}
	await tx.execute('SAVEPOINT unit');
	try {
		const value = await unit(tx);
		await tx.execute('RELEASE unit');
		return { ok: true, value };
	} catch (error) {
		// Throws on its own when SQLite already rolled the whole transaction back (I/O error,
		// full disk): then the group fails as a whole, above.
		await tx.execute('ROLLBACK TO unit');
		await tx.execute('RELEASE unit');
		return { ok: false, error };
	}
}
