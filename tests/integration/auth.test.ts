import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import * as table from '$lib/server/db/schema';
import {
	ABSOLUTE_LIFETIME_MS,
	IDLE_LIFETIME_MS,
	createSession,
	generateSessionToken,
	sessionIdFromToken,
	validateSessionToken,
	invalidateSession
} from '$lib/server/auth/session';
import { attemptLogin, changePassword, createUser, deleteUser } from '$lib/server/auth/user';
import { ARGON2_OPTIONS, hashPassword, isCommonPassword } from '$lib/server/auth/password';
import { stranger } from '../fixtures/clients';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;

describe('sessions', () => {
	it('stores only the SHA-256 of a ≥ 20-byte base32 token', async () => {
		const user = await makeUser(t.db);
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 20 bytes → 32 base32 characters
		await createSession(t.db, token, user.id);
		const rows = await t.db.select().from(table.session).where(eq(table.session.userId, user.id));
		expect(rows.map((r) => r.id)).toEqual([sessionIdFromToken(token)]);
		expect(rows[0]!.id).not.toContain(token);
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('extends the idle expiry only in the second half of its life', async () => {
		const user = await makeUser(t.db);
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		const session = await createSession(t.db, token, user.id, start);
		const early = await validateSessionToken(t.db, token, new Date(start.getTime() + DAY));
		expect(early.session?.expiresAt.getTime()).toBe(session.expiresAt.getTime());
		const late = new Date(start.getTime() + IDLE_LIFETIME_MS - DAY);
		const extended = await validateSessionToken(t.db, token, late);
		expect(extended.session?.expiresAt.getTime()).toBe(late.getTime() + IDLE_LIFETIME_MS);
	});

	it('rejects a session past its idle expiry and deletes it', async () => {
		const user = await makeUser(t.db);
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		await createSession(t.db, token, user.id, start);
		const result = await validateSessionToken(
			t.db,
			token,
			new Date(start.getTime() + IDLE_LIFETIME_MS + 1)
		);
		expect(result.session).toBeNull();
		const rows = await t.db.select().from(table.session).where(eq(table.session.userId, user.id));
		expect(rows).toHaveLength(0);
	});

	it('never lives past 30 days from creation, however active', async () => {
		const user = await makeUser(t.db);
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		await createSession(t.db, token, user.id, start);
		for (let day = 1; day < 30; day += 1) {
			const r = await validateSessionToken(t.db, token, new Date(start.getTime() + day * DAY));
			expect(r.session).not.toBeNull();
			expect(r.session!.expiresAt.getTime()).toBeLessThanOrEqual(
				start.getTime() + ABSOLUTE_LIFETIME_MS
			);
		}
		const after = await validateSessionToken(
			t.db,
			token,
			new Date(start.getTime() + ABSOLUTE_LIFETIME_MS)
		);
		expect(after.session).toBeNull();
	});

	it('is gone after logout', async () => {
		const user = await makeUser(t.db);
		const token = generateSessionToken();
		const session = await createSession(t.db, token, user.id);
		await invalidateSession(t.db, session.id);
		expect((await validateSessionToken(t.db, token)).user).toBeNull();
	});
});

describe('passwords', () => {
	it('hashes with argon2id m=19456 t=2 p=1', async () => {
		expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
		const hash = await hashPassword('a long enough passphrase');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
	});

	it('knows the most common passwords', () => {
		expect(isCommonPassword('password')).toBe(true);
		expect(isCommonPassword('Qwertyuiop')).toBe(true);
		expect(isCommonPassword('violet-tractor-umbrella')).toBe(false);
	});

	it('change ends every other session and keeps the current one', async () => {
		const user = await makeUser(t.db);
		const current = generateSessionToken();
		const other = generateSessionToken();
		const kept = await createSession(t.db, current, user.id);
		await createSession(t.db, other, user.id);
		const wrong = await changePassword(t.db, {
			userId: user.id,
			currentPassword: 'not my password',
			newPassword: 'a brand new passphrase',
			keepSessionId: kept.id,
			client: stranger('10.0.0.8')
		});
		expect(wrong).toEqual({ ok: false, reason: 'wrong-password' });
		expect((await validateSessionToken(t.db, other)).user).not.toBeNull();

		const ok = await changePassword(t.db, {
			userId: user.id,
			currentPassword: user.password,
			newPassword: 'a brand new passphrase',
			keepSessionId: kept.id,
			client: stranger('10.0.0.8')
		});
		expect(ok).toEqual({ ok: true });
		expect((await validateSessionToken(t.db, current)).user?.id).toBe(user.id);
		expect((await validateSessionToken(t.db, other)).user).toBeNull();
		const login = await attemptLogin(t.db, {
			username: user.username,
			password: 'a brand new passphrase',
			client: stranger('10.0.0.9')
		});
		expect(login.ok).toBe(true);
	});
});

describe('registration', () => {
	it('treats usernames case-insensitively', async () => {
		const first = await createUser(t.db, {
			username: 'GraceH',
			password: 'a long enough passphrase'
		});
		expect(first.ok).toBe(true);
		const again = await createUser(t.db, {
			username: 'graceh',
			password: 'a long enough passphrase'
		});
		expect(again).toEqual({ ok: false, reason: 'taken' });
	});
});

describe('account deletion', () => {
	it('removes the user and everything they own', async () => {
		const user = await makeUser(t.db);
		const other = await makeUser(t.db);
		await createSession(t.db, generateSessionToken(), user.id);
		const now = new Date();
		for (const owner of [user, other]) {
			await t.db.insert(table.personalCard).values({
				id: crypto.randomUUID(),
				userId: owner.id,
				skillId: 'docker',
				level: 1,
				front: 'f',
				back: 'b',
				contentHash: 'h',
				createdAt: now,
				updatedAt: now
			});
			await t.db.insert(table.reviewLog).values({
				id: crypto.randomUUID(),
				userId: owner.id,
				cardId: 'docker-001',
				rating: 3,
				reviewedAt: now,
				durationMs: 1000,
				receivedAt: now
			});
		}
		const client = stranger('10.0.9.1');
		expect(await deleteUser(t.db, { userId: user.id, password: 'wrong', client })).toEqual({
			ok: false,
			reason: 'wrong-password'
		});
		expect(await deleteUser(t.db, { userId: user.id, password: user.password, client })).toEqual({
			ok: true
		});
		for (const tbl of [table.session, table.personalCard, table.reviewLog]) {
			expect(await t.db.select().from(tbl).where(eq(tbl.userId, user.id))).toHaveLength(0);
			expect(
				(await t.db.select().from(tbl).where(eq(tbl.userId, other.id))).length
			).toBeGreaterThanOrEqual(tbl === table.session ? 0 : 1);
		}
		expect(await t.db.select().from(table.user).where(eq(table.user.id, user.id))).toHaveLength(0);
	});
});
