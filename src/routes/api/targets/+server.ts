import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { badRequest, readJson, validate } from '$lib/server/validation';
import {
	createTarget,
	createTargetSchema,
	listTargets,
	requestedSkills,
	targetJson
} from '$lib/server/targets';

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const targets = await listTargets(await getDb(), user.id);
	return json({ targets: targets.map(targetJson) });
};

/** {"name", "roleId"?, "skills"?: [{"id", "targetLevel", "importance"}], "active"?: true} → 201. */
export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(createTargetSchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const { name, roleId, jdText, active } = parsed.data;
	const row = await createTarget(
		await getDb(),
		user.id,
		{
			name,
			roleId: roleId ?? null,
			jdText: jdText ?? null,
			skills: requestedSkills(parsed.data),
			active
		},
		new Date()
	);
	return json(targetJson(row), { status: 201, headers: { location: `/api/targets/${row.id}` } });
};
