// The server's VAPID identity (RFC 8292): the public key browsers subscribe with and the
// private key that signs every push. Given by the environment when several processes or
// servers must agree without sharing a database; otherwise made once and kept in it.
import webpush from 'web-push';
import { eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { pushVapid } from '$lib/server/db/schema';

export interface Vapid {
	publicKey: string;
	privateKey: string;
	subject: string;
}

/** Used when VAPID_SUBJECT is unset and ORIGIN is not https (push services want a contact). */
const FALLBACK_SUBJECT = 'mailto:reminders@gapwise.invalid';

const byteLength = (base64url: string) =>
	/^[\w-]+$/.test(base64url) ? Buffer.from(base64url, 'base64url').length : -1;

function fromEnvironment(env: Record<string, string | undefined>) {
	const publicKey = env.VAPID_PUBLIC_KEY?.trim();
	const privateKey = env.VAPID_PRIVATE_KEY?.trim();
	if (!publicKey && !privateKey) return null;
	if (!publicKey || !privateKey)
		throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.');
	if (byteLength(publicKey) !== 65 || byteLength(privateKey) !== 32)
		throw new Error(
			'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be the URL-safe base64 keys ' +
				'`npx web-push generate-vapid-keys` prints.'
		);
	return { publicKey, privateKey };
}

function subjectFrom(env: Record<string, string | undefined>): string {
	if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT;
	return env.ORIGIN?.startsWith('https://') ? env.ORIGIN : FALLBACK_SUBJECT;
}

async function storedKeys(db: Database, now: Date) {
	const read = () => db.select().from(pushVapid).where(eq(pushVapid.id, 1));
	const [row] = await read();
	if (row) return row;
	const made = webpush.generateVAPIDKeys();
	// Two processes starting together may both make a pair: the first insert wins for both.
	await db
		.insert(pushVapid)
		.values({ id: 1, ...made, createdAt: now })
		.onConflictDoNothing();
	const [kept] = await read();
	if (!kept) throw new Error('The VAPID key pair could not be stored.');
	return kept;
}

const cache = new WeakMap<Database, Promise<Vapid>>();

export function vapidKeys(db: Database, env: Record<string, string | undefined>): Promise<Vapid> {
	let keys = cache.get(db);
	if (!keys) {
		keys = (async () => {
			const pair = fromEnvironment(env) ?? (await storedKeys(db, new Date()));
			const vapid = { publicKey: pair.publicKey, privateKey: pair.privateKey };
			return { ...vapid, subject: subjectFrom(env) };
		})();
		keys.catch(() => cache.delete(db));
		cache.set(db, keys);
	}
	return keys;
}
