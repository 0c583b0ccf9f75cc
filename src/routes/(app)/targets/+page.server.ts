import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getGraph } from '$lib/server/content';
import { formFields, validate } from '$lib/server/validation';
import {
	activateTarget,
	deleteTarget,
	listTargets,
	renameTarget,
	targetNameSchema
} from '$lib/server/targets';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const targets = await listTargets(await getDb(), user.id);
	const roles = getGraph().roleById;
	return {
		targets: targets.map((t) => ({
			id: t.id,
			name: t.name,
			active: t.active,
			source: t.roleId
				? `Role profile: ${roles.get(t.roleId)?.name ?? t.roleId}`
				: t.jdText
					? 'From a job description'
					: 'Custom',
			skills: t.skills.length,
			must: t.skills.filter((s) => s.importance === 'must').length
		}))
	};
};

const NOT_FOUND = 'That target no longer exists.';

export const actions: Actions = {
	activate: async (event) => {
		const { user } = requireUser(event);
		const { id = '' } = formFields(await event.request.formData());
		if (!(await activateTarget(await getDb(), user.id, id, new Date())))
			return fail(404, { id, message: NOT_FOUND });
		return { id, done: 'Now active.' };
	},
	rename: async (event) => {
		const { user } = requireUser(event);
		const { id = '', name = '' } = formFields(await event.request.formData());
		const parsed = validate(targetNameSchema, name);
		if (!parsed.ok) return fail(400, { id, name: name.slice(0, 200), message: parsed.message });
		if (!(await renameTarget(await getDb(), user.id, id, parsed.data, new Date())))
			return fail(404, { id, message: NOT_FOUND });
		return { id, done: 'Renamed.' };
	},
	delete: async (event) => {
		const { user } = requireUser(event);
		const { id = '' } = formFields(await event.request.formData());
		if (!(await deleteTarget(await getDb(), user.id, id, new Date())))
			return fail(404, { id, message: NOT_FOUND });
		return { id: null, done: 'Target deleted.' };
	}
};
