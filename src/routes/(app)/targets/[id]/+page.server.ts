import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { FIX_FIELDS, validate } from '$lib/server/validation';
import {
	analyzeText,
	editorSkills,
	getTarget,
	readEditor,
	rowsFromTarget,
	skillOptions,
	targetSkillsSchema,
	updateTargetSkills,
	withWeight
} from '$lib/server/targets';

async function ownTarget(userId: string, id: string) {
	const target = await getTarget(await getDb(), userId, id);
	if (!target) error(404, 'No such target.');
	return target;
}

/** Evidence sentences when the target came from a pasted job description. */
function evidenceOf(jdText: string | null) {
	if (!jdText) return new Map<string, string[]>();
	return new Map(analyzeText(jdText).skills.map((s) => [s.id, s.evidence]));
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const target = await ownTarget(user.id, event.params.id);
	const evidence = evidenceOf(target.jdText);
	return {
		target: { id: target.id, name: target.name, active: target.active },
		rows: rowsFromTarget(target.skills).map((r) => ({ ...r, evidence: evidence.get(r.id) ?? [] })),
		options: skillOptions()
	};
};

export const actions: Actions = {
	edit: async (event) => {
		const { user } = requireUser(event);
		const target = await ownTarget(user.id, event.params.id);
		const { rows } = readEditor(await event.request.formData(), evidenceOf(target.jdText));
		return { rows, message: '' };
	},
	save: async (event) => {
		const { user } = requireUser(event);
		const target = await ownTarget(user.id, event.params.id);
		const { rows } = readEditor(await event.request.formData(), evidenceOf(target.jdText));
		const parsed = validate(targetSkillsSchema, editorSkills(rows));
		if (!parsed.ok) {
			return fail(400, {
				rows,
				message: `${FIX_FIELDS} ${parsed.message.replace(/^[^:]*: /, '')}`
			});
		}
		await updateTargetSkills(
			await getDb(),
			user.id,
			target.id,
			parsed.data.map(withWeight),
			new Date()
		);
		redirect(303, target.active ? '/gap' : '/targets');
	}
};
