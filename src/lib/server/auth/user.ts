import { eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db/client';
import * as table from '$lib/server/db/schema';
import { hashPassword } from './password';
import { currentWait, takeAttempt, type ThrottleKey } from './throttle';
import { checkPassword, type Client, type PasswordCheck } from './attempt';
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

export type LoginResult = { ok: true; userId: string } | Exclude<PasswordCheck, { ok: true }>;

/**
 * Checks a username and password. Unknown users and wrong passwords take the same path
 * (a verify against a dummy hash, counted by the same throttle) and give the same answer, so
 * neither the message nor the timing tells which usernames exist.
 */
export async function attemptLogin(
	db: Database,
	input: { username: string; password: string; client: Client },
	now = new Date()
): Promise<LoginResult> {
	const user = await findUserByUsername(db, input.username);
	const check = await checkPassword(db, { ...input, user }, now);
	if (!check.ok) return check;
	return user ? { ok: true, userId: user.id } : { ok: false, reason: 'invalid' };
}

export type RegisterResult =
	CreateUserResult | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Registration through the form. "That username is taken" tells whether an account exists, so
 * each such answer is counted against the address; when its allowance is spent every
 * registration from it waits, so the wait itself tells nothing. A new account is not counted.
 */
export async function registerUser(
	db: Database,
	input: { username: string; email?: string | null; password: string; address: string },
	now = new Date()
): Promise<RegisterResult> {
	// Only a taken name counts (that is what lists usernames): a class behind one address signing
	// up at once must not wait on each other.
	const keys: ThrottleKey[] = [{ kind: 'register', value: input.address }];
	const wait = await currentWait(db, keys, now);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
	const result = await createUser(db, input, now);
	if (!result.ok) await takeAttempt(db, keys, now);
	return result;
}

type PasswordFailure =
	| { ok: false; reason: 'wrong-password' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/** The signed-in user's own password, checked under the same throttle as login. */
async function checkOwnPassword(
	db: Database,
	input: { userId: string; password: string; client: Client },
	now: Date
): Promise<{ ok: true } | PasswordFailure> {
	const [user] = await db.select().from(table.user).where(eq(table.user.id, input.userId));
	if (!user) return { ok: false, reason: 'wrong-password' };
	const check = await checkPassword(
		db,
		{ username: user.username, user, password: input.password, client: input.client },
		now
	);
	if (check.ok) return check;
	return check.reason === 'throttled' ? check : { ok: false, reason: 'wrong-password' };
}

export async function changePassword(
	db: Database,
	input: {
		userId: string;
		currentPassword: string;
		newPassword: string;
		keepSessionId: string;
		client: Client;
	},
	now = new Date()
): Promise<{ ok: true } | PasswordFailure> {
	const check = await checkOwnPassword(
		db,
		{ userId: input.userId, password: input.currentPassword, client: input.client },
		now
	);
	if (!check.ok) return check;
	const passwordHash = await hashPassword(input.newPassword);
	await db.update(table.user).set({ passwordHash }).where(eq(table.user.id, input.userId));
	await invalidateUserSessions(db, input.userId, input.keepSessionId);
	return { ok: true };
}

/** Removes the account; every user-owned table cascades from `user`, so nothing is left behind. */
export async function deleteUser(
	db: Database,
	input: { userId: string; password: string; client: Client },
	now = new Date()
): Promise<{ ok: true } | PasswordFailure> {
	const check = await checkOwnPassword(db, input, now);
	if (!check.ok) return check;
	await db.delete(table.user).where(eq(table.user.id, input.userId));
	return { ok: true };
}
