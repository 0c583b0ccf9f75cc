import { env } from '$env/dynamic/private';
import { openDatabase, migrateDatabase, type Database } from './client';

export const DEFAULT_DATABASE_URL = 'file:data/gapwise.db';

let opening: Promise<Database> | undefined;

/**
 * The app's database, opened (and migrated) on first use rather than at import,
 * because `vite build` imports server modules while analysing the app.
 */
export function getDb(): Promise<Database> {
	opening ??= (async () => {
		const db = await openDatabase({
			url: env.DATABASE_URL || DEFAULT_DATABASE_URL,
			authToken: env.DATABASE_AUTH_TOKEN
		});
		await migrateDatabase(db);
		return db;
	})().catch((error: unknown) => {
		opening = undefined;
		throw error;
	});
	return opening;
}

export type { Database };
