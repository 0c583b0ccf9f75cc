import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { badRequest, readJson, validate } from '$lib/server/validation';
import {
	activateTarget,
	deleteTarget,
	getTarget,
	renameTarget,
	targetJson,
	targetNameSchema,
	targetSkillsSchema,
	updateTargetSkills,
	withWeight
} from '$lib/server/targets';

const patchSchema = v.object({
	name: v.optional(targetNameSchema),
	skills: v.optional(targetSkillsSchema),
	active: v.optional(
		v.literal(true, 'Only "active": true is accepted: activate another target instead.')
	)
});

const NOT_FOUND = 'No such target.';

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const row = await getTarget(await getDb(), user.id, event.params.id);
	if (!row) error(404, NOT_FOUND);
	return json(targetJson(row));
};

/** Rename, replace the skills, or make active: {"name"?, "skills"?, "active"?: true}. */
export const PATCH: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const parsed = validate(patchSchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	if (!(await getTarget(db, user.id, event.params.id))) error(404, NOT_FOUND);
	const now = new Date();
	const { name, skills, active } = parsed.data;
	if (name !== undefined) await renameTarget(db, user.id, event.params.id, name, now);
	if (skills !== undefined)
		await updateTargetSkills(db, user.id, event.params.id, skills.map(withWeight), now);
	if (active) await activateTarget(db, user.id, event.params.id, now);
	const row = await getTarget(db, user.id, event.params.id);
	if (!row) error(404, NOT_FOUND);
	return json(targetJson(row));
};

export const DELETE: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const deleted = await deleteTarget(await getDb(), user.id, event.params.id, new Date());
	if (!deleted) error(404, NOT_FOUND);
	return new Response(null, { status: 204 });
};
