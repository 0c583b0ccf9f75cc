import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '$lib/server/db/client';
import { getDummyHash, verifyPassword } from './password';
import { forgive, takeAttempt, type ThrottleKey } from './throttle';
import { deviceIdOf, isTrustedDevice } from './device';

/** Who is guessing: the address, and the device id of the browser if it carries one. */
export interface Client {
	address: string;
	deviceId: string | null;
}

export function clientOf(event: Pick<RequestEvent, 'cookies' | 'getClientAddress'>): Client {
	return { address: event.getClientAddress(), deviceId: deviceIdOf(event) };
}

export type PasswordCheck =
	| { ok: true }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * The keys one attempt counts against. A browser trusted for the account counts only on its
 * own; any other client counts per (account, address), against the account's ceiling, and
 * against its address.
 */
export function attemptKeys(username: string, client: Client, trusted: boolean): ThrottleKey[] {
	if (trusted && client.deviceId) {
		return [{ kind: 'client', value: `${username} device:${client.deviceId}` }];
	}
	return [
		{ kind: 'client', value: `${username} ip:${client.address}` },
		{ kind: 'account', value: username },
		{ kind: 'ip', value: client.address }
	];
}

/**
 * Every password check (login, password change, account deletion) goes through here, so none
 * can be guessed at faster than login. The attempt is counted before the hash is verified, so
 * a flood of guesses is refused without costing the CPU a hash each. `user` is undefined for
 * an unknown username, which is verified against a dummy hash and counted just the same.
 */
export async function checkPassword(
	db: Database,
	input: {
		username: string;
		user: { id: string; passwordHash: string } | undefined;
		password: string;
		client: Client;
	},
	now = new Date()
): Promise<PasswordCheck> {
	const { user, client } = input;
	// Looked up for unknown usernames too, so the time taken tells nothing about the account.
	const trusted =
		client.deviceId !== null && (await isTrustedDevice(db, user?.id ?? '', client.deviceId, now));
	const keys = attemptKeys(input.username.toLowerCase(), client, trusted);
	const wait = await takeAttempt(db, keys, now);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };

	const hash = user?.passwordHash ?? (await getDummyHash());
	if (!(await verifyPassword(hash, input.password)) || !user) {
		return { ok: false, reason: 'invalid' };
	}
	await forgive(db, keys);
	return { ok: true };
}

/** A wait as a learner reads it: seconds below two minutes, whole minutes above. */
export function formatWait(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** The answer to a throttled password check, wherever the password was asked for. */
export function tooManyTries(retryAfterMs: number): string {
	return `Too many failed attempts. Wait ${formatWait(retryAfterMs)} and try again.`;
}
