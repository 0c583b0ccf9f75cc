import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { api, registerLearner, startApp, tempDbFile, type AppProcess } from './app-process';
import { deckIds, exportOf, expectStatesMatchLogs, review } from './reviews';

const running: AppProcess[] = [];
afterEach(async () => {
	await Promise.all(running.splice(0).map((app) => app.kill('SIGKILL')));
});
async function start(port: number, dbFile: string) {
	const app = await startApp(port, dbFile);
	running.push(app);
	return app;
}

describe('a crash while learners sync', () => {
	it('keeps every acknowledged review exactly once and every state equal to its log', async () => {
		const dbFile = tempDbFile();
		const app = await start(4501, dbFile);
		const tokens = await Promise.all(
			Array.from({ length: 20 }, (_, i) => registerLearner(app.origin, `crash${i}`))
		);
		const cards = deckIds().slice(0, 40);
		// The first request renders the deck; do it before the clock starts.
		expect((await api(app.origin, tokens[0]!)('GET', '/api/queue')).status).toBe(200);
		const acknowledged = new Map<string, string[]>();
		let stop = false;

		const learner = async (token: string, l: number) => {
			const call = api(app.origin, token);
			acknowledged.set(token, []);
			for (let n = 0; !stop; n += 1) {
				const r = review(cards[(n + l) % cards.length]!, 1 + ((n + l) % 4));
				try {
					const res = await call('POST', '/api/reviews', { reviews: [r] });
					const result = (res.json?.results as { id: string; status: string }[] | undefined)?.[0];
					if (
						res.status === 200 &&
						(result?.status === 'applied' || result?.status === 'duplicate')
					) {
						acknowledged.get(token)!.push(r.id);
					}
				} catch {
					return; // the server is gone
				}
			}
		};
		const loops = tokens.map((t, l) => learner(t, l));
		await new Promise((r) => setTimeout(r, 2500));
		await app.kill('SIGKILL');
		stop = true;
		await Promise.all(loops);

		const total = [...acknowledged.values()].reduce((s, ids) => s + ids.length, 0);
		expect(total).toBeGreaterThan(20);

		const again = await start(4502, dbFile);
		for (const token of tokens) {
			const data = await exportOf(again.origin, token);
			const logIds = data.reviews.map((r) => r.id);
			expect(new Set(logIds).size).toBe(logIds.length);
			for (const id of acknowledged.get(token)!)
				expect(logIds.filter((x) => x === id)).toHaveLength(1);
			expectStatesMatchLogs(data);
		}
	});
});

describe('duplicates and retries', () => {
	it('applies the same review sent twice at once, or retried after a lost response, once', async () => {
		const app = await start(4503, tempDbFile());
		const token = await registerLearner(app.origin, 'dupes');
		const call = api(app.origin, token);
		const r = review(deckIds()[0]!, 3);
		const [a, b] = await Promise.all([
			call('POST', '/api/reviews', { reviews: [r] }),
			call('POST', '/api/reviews', { reviews: [r] })
		]);
		const statuses = [a, b].map((x) => (x.json?.results as { status: string }[])[0]!.status).sort();
		expect(statuses).toEqual(['applied', 'duplicate']);
		// The "lost response" retry: the same body again, later.
		const retry = await call('POST', '/api/reviews', { reviews: [r] });
		expect((retry.json?.results as { status: string }[])[0]!.status).toBe('duplicate');
		const data = await exportOf(app.origin, token);
		expect(data.reviews.filter((x) => x.id === r.id)).toHaveLength(1);
		expectStatesMatchLogs(data);
	});
});

describe('a locked database', () => {
	function holdWriteLock(dbFile: string, ms: number) {
		// A second process takes the write lock, as a backup job or another app instance might.
		const code = `
			const { createClient } = require('@libsql/client');
			(async () => {
				const c = createClient({ url: 'file:${dbFile}' });
				const tx = await c.transaction('write');
				await tx.execute("create table if not exists lock_probe (x integer)");
				process.stdout.write('locked\\n');
				await new Promise((r) => setTimeout(r, ${ms}));
				await tx.commit();
				c.close();
			})();`;
		const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
		const locked = new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
		const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		return { locked, done };
	}

	it('makes requests wait for a short lock and fail retryably on a long one, never corrupting', async () => {
		const dbFile = tempDbFile();
		const app = await start(4504, dbFile);
		const call = api(app.origin, await registerLearner(app.origin, 'locked'));
		const cards = deckIds();
		expect((await call('GET', '/api/queue')).status).toBe(200);

		const short = holdWriteLock(dbFile, 1500);
		await short.locked;
		const started = Date.now();
		const waited = await call('POST', '/api/reviews', { reviews: [review(cards[0]!, 3)] });
		expect(waited.status, waited.text).toBe(200);
		expect((waited.json?.results as { status: string }[])[0]!.status).toBe('applied');
		expect(Date.now() - started).toBeGreaterThan(1000);
		await short.done;

		const long = holdWriteLock(dbFile, 8000);
		await long.locked;
		const r = review(cards[1]!, 3);
		const refused = await call('POST', '/api/reviews', { reviews: [r] });
		expect(refused.status, refused.text).toBe(503);
		expect(refused.json?.message).toMatch(/busy/i);
		await long.done;
		const retried = await call('POST', '/api/reviews', { reviews: [r] });
		expect(retried.status, retried.text).toBe(200);
		expect((retried.json?.results as { status: string }[])[0]!.status).toBe('applied');

		const check = createClient({ url: `file:${dbFile}` });
		expect((await check.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
		check.close();
	});
});

describe('two app processes on one database file', () => {
	it('serve the same learner consistently', async () => {
		const dbFile = tempDbFile();
		const a = await start(4505, dbFile);
		const b = await start(4506, dbFile);
		const token = await registerLearner(a.origin, 'twoapps');
		const onA = api(a.origin, token);
		const onB = api(b.origin, token);
		const cards = deckIds().slice(0, 6);
		const sent: string[] = [];
		for (let i = 0; i < 24; i += 1) {
			const r = review(cards[i % cards.length]!, 1 + (i % 4));
			r.reviewedAt = new Date(Date.now() - (24 - i) * 60_000).toISOString();
			const res = await (i % 2 ? onA : onB)('POST', '/api/reviews', { reviews: [r] });
			expect(res.status).toBe(200);
			sent.push(r.id);
		}
		const fromA = await exportOf(a.origin, token);
		const fromB = await exportOf(b.origin, token);
		expect(fromA.reviews.map((r) => r.id).sort()).toEqual([...sent].sort());
		expect(fromB.reviews).toEqual(fromA.reviews);
		expect(fromB.states).toEqual(fromA.states);
		expectStatesMatchLogs(fromA);
	});
});
