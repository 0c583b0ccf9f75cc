// A learner's targets: named sets of skills with levels (from a role profile or a job
// description). Several can be kept; at most one is active, which the database enforces.
import { and, desc, eq, ne } from 'drizzle-orm';
import { JD_ANALYSER_VERSION, type JdAnalysis } from '$lib/core/jd';
import type { TargetSkill } from '$lib/core/types';
import type { Database } from '$lib/server/db';
import { target, type Target } from '$lib/server/db/schema';
import type { Queryable } from '$lib/server/assessments/store';

export type TargetRow = Target;

export interface NewTarget {
	name: string;
	roleId?: string | null;
	jdText?: string | null;
	/** The analysis of jdText, when it was made while saving. */
	jdAnalysis?: JdAnalysis | null;
	skills: TargetSkill[];
	active: boolean;
}

const mine = (userId: string, id: string) => and(eq(target.userId, userId), eq(target.id, id));

export async function listTargets(db: Database, userId: string): Promise<TargetRow[]> {
	return db
		.select()
		.from(target)
		.where(eq(target.userId, userId))
		.orderBy(desc(target.active), desc(target.updatedAt));
}

/** The learner's target with this id, or undefined (also for another learner's id). */
export async function getTarget(db: Queryable, userId: string, id: string) {
	const [row] = await db.select().from(target).where(mine(userId, id));
	return row;
}

export async function getActiveTarget(db: Queryable, userId: string) {
	const [row] = await db
		.select()
		.from(target)
		.where(and(eq(target.userId, userId), eq(target.active, true)));
	return row;
}

async function deactivateOthers(db: Queryable, userId: string, keepId: string, now: Date) {
	await db
		.update(target)
		.set({ active: false, updatedAt: now })
		.where(and(eq(target.userId, userId), eq(target.active, true), ne(target.id, keepId)));
}

/** Saves a target; an active one replaces the learner's previous active target. */
export async function createTarget(
	db: Database,
	userId: string,
	input: NewTarget,
	now: Date
): Promise<TargetRow> {
	const row: TargetRow = {
		id: crypto.randomUUID(),
		userId,
		name: input.name,
		roleId: input.roleId ?? null,
		jdText: input.jdText ?? null,
		jdAnalysis: input.jdText ? (input.jdAnalysis ?? null) : null,
		jdAnalysisVersion: input.jdText && input.jdAnalysis ? JD_ANALYSER_VERSION : null,
		skills: input.skills,
		active: input.active,
		createdAt: now,
		updatedAt: now
	};
	await db.transaction(async (tx) => {
		if (row.active) await deactivateOthers(tx, userId, row.id, now);
		await tx.insert(target).values(row);
	});
	return row;
}

/** Makes the target the active one. False when the learner has no target with this id. */
export async function activateTarget(db: Database, userId: string, id: string, now: Date) {
	return db.transaction(async (tx) => {
		if (!(await getTarget(tx, userId, id))) return false;
		await deactivateOthers(tx, userId, id, now);
		await tx.update(target).set({ active: true, updatedAt: now }).where(mine(userId, id));
		return true;
	});
}

export async function renameTarget(
	db: Database,
	userId: string,
	id: string,
	name: string,
	now: Date
) {
	const done = await db
		.update(target)
		.set({ name, updatedAt: now })
		.where(mine(userId, id))
		.returning({ id: target.id });
	return done.length === 1;
}

/** Keeps the analysis of the target's job description, made just now by this analyser (shown
 * ever after, until the analyser changes). */
export async function storeTargetAnalysis(
	db: Database,
	userId: string,
	id: string,
	analysis: JdAnalysis
) {
	await db
		.update(target)
		.set({ jdAnalysis: analysis, jdAnalysisVersion: JD_ANALYSER_VERSION })
		.where(mine(userId, id));
}

export async function updateTargetSkills(
	db: Database,
	userId: string,
	id: string,
	skills: TargetSkill[],
	now: Date
) {
	const done = await db
		.update(target)
		.set({ skills, updatedAt: now })
		.where(mine(userId, id))
		.returning({ id: target.id });
	return done.length === 1;
}

/**
 * Deletes the target. When it was the active one, the most recently changed remaining target
 * becomes active, so a learner with targets always has one in use.
 */
export async function deleteTarget(db: Database, userId: string, id: string, now: Date) {
	return db.transaction(async (tx) => {
		const row = await getTarget(tx, userId, id);
		if (!row) return false;
		await tx.delete(target).where(mine(userId, id));
		if (row.active) {
			const [next] = await tx
				.select({ id: target.id })
				.from(target)
				.where(eq(target.userId, userId))
				.orderBy(desc(target.updatedAt))
				.limit(1);
			if (next)
				await tx.update(target).set({ active: true, updatedAt: now }).where(mine(userId, next.id));
		}
		return true;
	});
}
