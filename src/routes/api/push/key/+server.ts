import { json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { vapidKeys } from '$lib/server/push';

/** The VAPID public key a browser subscribes with (`applicationServerKey`). */
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const { publicKey } = await vapidKeys(await getDb(), env);
	return json({ publicKey }, { headers: { 'cache-control': 'private, max-age=3600' } });
};
