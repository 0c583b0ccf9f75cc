// Browsers' push subscriptions, always read and written through the learner's id.
import { ECDH } from 'node:crypto';
import * as v from 'valibot';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '$lib/server/assessments/store';
import { pushSubscription, type PushSubscriptionRow } from '$lib/server/db/schema';
import type { PushConfig } from './config';
import { MAX_ENDPOINT_LENGTH, checkEndpoint, checkResolves, type Resolver } from './endpoint';

/** A learner's phones, tablets and browsers; the least recently registered ones go first. */
export const MAX_SUBSCRIPTIONS = 10;

const key = (bytes: number, what: string) =>
	v.pipe(
		v.string(`Give ${what} as URL-safe base64.`),
		v.regex(/^[\w-]+={0,2}$/, `Give ${what} as URL-safe base64.`),
		v.check(
			(text) => Buffer.from(text, 'base64url').length === bytes,
			`${what} must be ${bytes} bytes.`
		)
	);

function isCurvePoint(text: string): boolean {
	try {
		ECDH.convertKey(Buffer.from(text, 'base64url'), 'prime256v1');
		return true;
	} catch {
		return false;
	}
}

/** The JSON of a browser's PushSubscription (`subscription.toJSON()`). */
export const subscriptionSchema = v.object(
	{
		endpoint: v.pipe(
			v.string('Give the endpoint URL.'),
			v.minLength(1, 'Give the endpoint URL.'),
			v.maxLength(MAX_ENDPOINT_LENGTH, `Keep the endpoint to ${MAX_ENDPOINT_LENGTH} characters.`)
		),
		expirationTime: v.optional(
			v.nullable(
				v.pipe(
					v.number('expirationTime is a time in milliseconds or null.'),
					v.integer('expirationTime is a time in milliseconds or null.'),
					v.minValue(0, 'expirationTime is a time in milliseconds or null.')
				)
			)
		),
		keys: v.object(
			{
				p256dh: v.pipe(
					key(65, 'keys.p256dh'),
					v.check(isCurvePoint, 'keys.p256dh is not a P-256 public key.')
				),
				auth: key(16, 'keys.auth')
			},
			'Give keys.p256dh and keys.auth.'
		)
	},
	'Send the browser’s PushSubscription as JSON.'
);

export const endpointSchema = v.object(
	{ endpoint: subscriptionSchema.entries.endpoint },
	'Send {"endpoint"}.'
);

export type SubscriptionInput = v.InferOutput<typeof subscriptionSchema>;

export type Saved = { ok: true } | { ok: false; reason: string };

/** Stores (or refreshes) a subscription for the learner, if its endpoint may receive pushes. */
export async function saveSubscription(
	db: Queryable,
	userId: string,
	input: SubscriptionInput,
	config: PushConfig,
	now: Date,
	resolve?: Resolver
): Promise<Saved> {
	const checked = checkEndpoint(input.endpoint, config);
	if (!checked.ok) return checked;
	const resolved = await checkResolves(checked.url, config, resolve);
	if (!resolved.ok) return resolved;
	const values = {
		p256dh: input.keys.p256dh,
		auth: input.keys.auth,
		expiresAt: input.expirationTime == null ? null : new Date(input.expirationTime),
		// "created" is when the browser last registered it: the oldest are dropped first.
		createdAt: now
	};
	await db.transaction(async (tx) => {
		await tx
			.insert(pushSubscription)
			.values({ userId, endpoint: input.endpoint, ...values })
			.onConflictDoUpdate({
				target: [pushSubscription.userId, pushSubscription.endpoint],
				set: values
			});
		const [{ n } = { n: 0 }] = await tx
			.select({ n: count() })
			.from(pushSubscription)
			.where(eq(pushSubscription.userId, userId));
		if (n <= MAX_SUBSCRIPTIONS) return;
		const oldest = await tx
			.select({ endpoint: pushSubscription.endpoint })
			.from(pushSubscription)
			.where(eq(pushSubscription.userId, userId))
			.orderBy(asc(pushSubscription.createdAt))
			.limit(n - MAX_SUBSCRIPTIONS);
		for (const row of oldest) await removeSubscription(tx, userId, row.endpoint);
	});
	return { ok: true };
}

/** Removes one of the learner's subscriptions; false when they have none with that endpoint. */
export async function removeSubscription(
	db: Queryable,
	userId: string,
	endpoint: string
): Promise<boolean> {
	const removed = await db
		.delete(pushSubscription)
		.where(and(eq(pushSubscription.userId, userId), eq(pushSubscription.endpoint, endpoint)))
		.returning({ endpoint: pushSubscription.endpoint });
	return removed.length > 0;
}

export function listSubscriptions(db: Queryable, userId: string): Promise<PushSubscriptionRow[]> {
	return db.select().from(pushSubscription).where(eq(pushSubscription.userId, userId));
}

export async function markSent(db: Queryable, userId: string, endpoint: string, now: Date) {
	await db
		.update(pushSubscription)
		.set({ lastSentAt: now })
		.where(and(eq(pushSubscription.userId, userId), eq(pushSubscription.endpoint, endpoint)));
}
