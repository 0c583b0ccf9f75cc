import { eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db/client';
import * as table from '$lib/server/db/schema';
import { hashPassword, verifyPassword, getDummyHash } from './password';
import { waitFor, recordFailure, clearFailures } from './throttle';
import { invalidateUserSessions } from './session';

export function newId(): string {
	return crypto.randomUUID();
}

export async function findUserByUsername(db: Database, username: string) {
	const [row] = await db
		.select()
		.from(table.user)
		.where(eq(table.user.username, username.toLowerCase()));
	return row;
}

export type CreateUserResult = { ok: true; userId: string } | { ok: false; reason: 'taken' };

export async function createUser(
	db: Database,
	input: { username: string; email?: string | null; password: string },
	now = new Date()
): Promise<CreateUserResult> {
	const username = input.username.toLowerCase();
	if (await findUserByUsername(db, username)) return { ok: false, reason: 'taken' };
	const userId = newId();
	const passwordHash = await hashPassword(input.password);
	try {
		await db.insert(table.user).values({
			id: userId,
			username,
			email: input.email || null,
			passwordHash,
			createdAt: now
		});
	} catch (error) {
		// Two registrations racing for one name: the unique index decides.
		if (String(error).includes('UNIQUE')) return { ok: false, reason: 'taken' };
		throw error;
	}
	return { ok: true, userId };
}

export type LoginResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks a username and password. Unknown users and wrong passwords take the same path
 * (a verify against a dummy hash) and give the same answer, so neither the message nor
 * the timing tells which usernames exist. The throttle is consulted before hashing so a
 * flood of guesses cannot saturate the CPU.
 */
export async function attemptLogin(
	db: Database,
	input: { username: string; password: string; ip: string },
	now = new Date()
): Promise<LoginResult> {
	const username = input.username.toLowerCase();
	const wait = Math.max(
		await waitFor(db, 'account', username, now),
		await waitFor(db, 'ip', input.ip, now)
	);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };

	const user = await findUserByUsername(db, username);
	const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
	if (!user || !valid) {
		await recordFailure(db, 'account', username, now);
		await recordFailure(db, 'ip', input.ip, now);
		return { ok: false, reason: 'invalid' };
	}
	await clearFailures(db, 'account', username);
	return { ok: true, userId: user.id };
}

export async function changePassword(
	db: Database,
	input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string }
): Promise<{ ok: true } | { ok: false; reason: 'wrong-password' }> {
	const [user] = await db.select().from(table.user).where(eq(table.user.id, input.userId));
	if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
		return { ok: false, reason: 'wrong-password' };
	}
	const passwordHash = await hashPassword(input.newPassword);
	await db.update(table.user).set({ passwordHash }).where(eq(table.user.id, input.userId));
	await invalidateUserSessions(db, input.userId, input.keepSessionId);
	return { ok: true };
}

/** Removes the account; every user-owned table cascades from `user`, so nothing is left behind. */
export async function deleteUser(
	db: Database,
	input: { userId: string; password: string }
): Promise<{ ok: true } | { ok: false; reason: 'wrong-password' }> {
	const [user] = await db.select().from(table.user).where(eq(table.user.id, input.userId));
	if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
		return { ok: false, reason: 'wrong-password' };
	}
	await db.delete(table.user).where(eq(table.user.id, input.userId));
	return { ok: true };
}
