// The learner's kept CV: written only when they tick "keep my CV", removed when they untick it
// or delete the account (the cascade). A failed write must not carry the text into the server's
// error log (a driver error quotes its query's parameters), so it is replaced by a plain one.
import { eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { resume } from '$lib/server/db/schema';
import { DatabaseBusyError, isBusyError } from '$lib/server/db/serial';

function withoutText(error: unknown): Error {
	return isBusyError(error) ? new DatabaseBusyError() : new Error('Could not save the CV.');
}

/** Keeps (or replaces) the learner's CV. */
export async function keepResume(db: Database, userId: string, text: string, now: Date) {
	try {
		await db
			.insert(resume)
			.values({ userId, text, updatedAt: now })
			.onConflictDoUpdate({ target: resume.userId, set: { text, updatedAt: now } });
	} catch (error) {
		throw withoutText(error);
	}
}

/** The kept CV, or null when the learner keeps none. */
export async function keptResume(db: Database, userId: string) {
	const [row] = await db
		.select({ text: resume.text, updatedAt: resume.updatedAt })
		.from(resume)
		.where(eq(resume.userId, userId));
	return row ?? null;
}

/** Deletes the kept CV; true when there was one. */
export async function forgetResume(db: Database, userId: string) {
	const gone = await db
		.delete(resume)
		.where(eq(resume.userId, userId))
		.returning({ userId: resume.userId });
	return gone.length > 0;
}

/** What the "keep my CV" box says, done: ticked keeps this text, unticked deletes a kept one. */
export async function keepOnlyIfAsked(
	db: Database,
	userId: string,
	text: string,
	keep: boolean,
	now: Date
) {
	if (keep) await keepResume(db, userId, text, now);
	else await forgetResume(db, userId);
}
