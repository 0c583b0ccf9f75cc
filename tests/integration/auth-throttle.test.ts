import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { ownDevice, stranger } from '../fixtures/clients';
import type { Client } from '$lib/server/auth/attempt';
import { rememberDevice } from '$lib/server/auth/device';
import { sessionIdFromToken } from '$lib/server/auth/session';
import { POLICIES, delayAfter } from '$lib/server/auth/throttle';
import {
	attemptLogin,
	changePassword,
	createUser,
	deleteUser,
	registerUser
} from '$lib/server/auth/user';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);
/** The i-th of many distinct addresses, as a botnet would have. */
const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function login(username: string, password: string, client: Client, now: Date) {
	return attemptLogin(t.db, { username, password, client }, now);
}

describe('login throttling', () => {
	it('gives one answer for an unknown user and a wrong password', async () => {
		const user = await makeUser(t.db);
		const now = new Date('2026-03-01T08:00:00Z');
		const wrong = await login(user.username, 'nope nope nope', stranger('10.0.1.1'), now);
		const unknown = await login('nobody-here', 'nope nope nope', stranger('10.0.1.2'), now);
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it('slows one client after its free failures, growing, without locking it out', async () => {
		const user = await makeUser(t.db);
		const now = new Date('2026-03-01T12:00:00Z');
		const client = stranger('10.0.2.1');
		for (let i = 0; i <= POLICIES.client.free; i += 1) {
			expect(await login(user.username, 'wrong password', client, now)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		// The same client waits, even with the right password…
		const blocked = await login(user.username, user.password, client, now);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 1000 });
		// …and gets in once the wait has passed.
		const later = at(now, delayAfter('client', POLICIES.client.free + 1));
		expect((await login(user.username, user.password, client, later)).ok).toBe(true);
		expect(delayAfter('client', 7)).toBeGreaterThan(delayAfter('client', 6));
		expect(delayAfter('client', 1000)).toBe(15 * 60 * 1000);
	});

	it('five wrong passwords from one address do not stop the right one from another', async () => {
		const user = await makeUser(t.db);
		const now = new Date('2026-03-02T12:00:00Z');
		for (let i = 0; i < 5; i += 1) {
			await login(user.username, 'wrong password', stranger('10.0.3.1'), now);
		}
		expect((await login(user.username, user.password, stranger('10.0.3.2'), now)).ok).toBe(true);
	});

	it('keeps no owner out of their own browser, whatever guessers elsewhere do', async () => {
		const user = await makeUser(t.db);
		const device = sessionIdFromToken('owner-phone');
		const start = new Date('2026-03-03T12:00:00Z');
		await rememberDevice(t.db, user.id, device, start);
		let refused = 0;
		for (let i = 0; i < 40; i += 1) {
			const r = await login(user.username, `guess ${i}`, stranger(address(1000 + i)), start);
			if (!r.ok && r.reason === 'throttled') refused += 1;
		}
		expect(refused).toBe(40 - POLICIES.account.free - 1);
		// A browser the owner never signed in from waits while the account's ceiling runs…
		const newBrowser = await login(user.username, user.password, stranger('192.0.2.7'), start);
		expect(newBrowser).toMatchObject({ ok: false, reason: 'throttled' });
		// …but their own browser gets in, on another network or on one of the guessers'.
		const home = await login(user.username, user.password, ownDevice(device, '192.0.2.8'), start);
		expect(home.ok).toBe(true);
		const shared = await login(
			user.username,
			user.password,
			ownDevice(device, address(1000)),
			start
		);
		expect(shared.ok).toBe(true);
		// The owner's success gives back only their own attempt: the guessers still wait.
		const guesser = await login(user.username, 'guess', stranger(address(2000)), start);
		expect(guesser).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('holds guessers on any number of addresses to 45 guesses the first day, 24 a day after', async () => {
		const user = await makeUser(t.db);
		const start = new Date('2026-03-05T00:00:00Z');
		const guessesPerDay = [0, 0, 0];
		let now = start;
		for (let i = 0; now < at(start, 3 * DAY); i += 1) {
			// Every guess from a fresh address, sent the moment the throttle allows it.
			const r = await login(user.username, `guess ${i}`, stranger(address(i)), now);
			if (!r.ok && r.reason === 'throttled') now = at(now, r.retryAfterMs);
			else guessesPerDay[Math.floor((now.getTime() - start.getTime()) / DAY)]! += 1;
		}
		expect(guessesPerDay).toEqual([45, 24, 24]);
	});

	it('counts guesses sent all at once', async () => {
		const user = await makeUser(t.db);
		const now = new Date('2026-03-09T12:00:00Z');
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				login(user.username, `guess ${i}`, stranger(address(5000 + i)), now)
			)
		);
		const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
		expect(checked).toBe(POLICIES.account.free + 1);
	});

	it('throttles an unknown username exactly like a real one', async () => {
		const now = new Date('2026-03-10T12:00:00Z');
		const client = stranger('10.0.4.1');
		for (let i = 0; i <= POLICIES.client.free; i += 1) {
			await login('ghost-user', 'wrong password', client, now);
		}
		expect(await login('ghost-user', 'wrong password', client, now)).toMatchObject({
			ok: false,
			reason: 'throttled'
		});
	});

	it('loosely throttles one address spraying many accounts', async () => {
		const now = new Date('2026-03-11T12:00:00Z');
		for (let i = 0; i <= POLICIES.ip.free; i += 1) {
			await login(`spray${i}`, 'wrong password', stranger('10.9.9.9'), now);
		}
		const r = await login('spray-new', 'wrong password', stranger('10.9.9.9'), now);
		expect(r).toMatchObject({ ok: false, reason: 'throttled' });
	});
});

describe('password checks of a signed-in learner', () => {
	it('a wrong current password is throttled like a login', async () => {
		const user = await makeUser(t.db);
		const now = new Date('2026-03-12T12:00:00Z');
		const change = (currentPassword: string, when: Date) =>
			changePassword(
				t.db,
				{
					userId: user.id,
					currentPassword,
					newPassword: 'a brand new passphrase',
					keepSessionId: 'none',
					client: stranger('10.0.5.1')
				},
				when
			);
		for (let i = 0; i <= POLICIES.client.free; i += 1) {
			expect(await change(`not it ${i}`, now)).toEqual({ ok: false, reason: 'wrong-password' });
		}
		expect(await change(user.password, now)).toMatchObject({ ok: false, reason: 'throttled' });
		// The same client's login waits too: one allowance per (account, client).
		expect(await login(user.username, user.password, stranger('10.0.5.1'), now)).toMatchObject({
			reason: 'throttled'
		});
		expect(await change(user.password, at(now, 1000))).toEqual({ ok: true });
	});

	it('account deletion asks for the password under the same throttle', async () => {
		const user = await makeUser(t.db);
		const now = new Date('2026-03-13T12:00:00Z');
		const client = stranger('10.0.6.1');
		for (let i = 0; i <= POLICIES.client.free; i += 1) {
			await deleteUser(t.db, { userId: user.id, password: `not it ${i}`, client }, now);
		}
		const r = await deleteUser(t.db, { userId: user.id, password: user.password, client }, now);
		expect(r).toMatchObject({ ok: false, reason: 'throttled' });
	});
});

describe('registration throttling', () => {
	const password = 'a long enough passphrase';

	it('counts "taken" answers per address; once spent, every registration from it waits', async () => {
		const now = new Date('2026-03-14T12:00:00Z');
		expect((await createUser(t.db, { username: 'taken-name', password })).ok).toBe(true);
		const from = (address: string, username: string, when = now) =>
			registerUser(t.db, { username, password, address }, when);
		for (let i = 0; i <= POLICIES.register.free; i += 1) {
			expect(await from('10.0.7.1', 'taken-name')).toEqual({ ok: false, reason: 'taken' });
		}
		// Refused before the name is looked up, so the refusal tells nothing about it.
		expect(await from('10.0.7.1', 'free-name-1')).toMatchObject({
			ok: false,
			reason: 'throttled',
			retryAfterMs: 1000
		});
		expect((await from('10.0.7.2', 'free-name-2')).ok).toBe(true);
		expect((await from('10.0.7.1', 'free-name-3', at(now, 1000))).ok).toBe(true);
	});

	it('does not count new accounts, so a class behind one address can sign up', async () => {
		const now = new Date('2026-03-15T12:00:00Z');
		for (let i = 0; i < 12; i += 1) {
			const r = await registerUser(
				t.db,
				{ username: `classmate${i}`, password, address: '10.0.8.1' },
				now
			);
			expect(r.ok).toBe(true);
		}
		const taken = await registerUser(
			t.db,
			{ username: 'classmate0', password, address: '10.0.8.1' },
			now
		);
		expect(taken).toEqual({ ok: false, reason: 'taken' });
	});
});
