import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** Set when a request failed on a busy database, so it answers 503 + Retry-After. */
			databaseBusy?: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
