import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { JD_ANALYSER_VERSION } from '$lib/core/jd';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { FIX_FIELDS, validate } from '$lib/server/validation';
import {
	analysisOfTarget,
	editorSkills,
	findingsOf,
	getTarget,
	readEditor,
	rowsFromTarget,
	skillOptions,
	targetSkillsSchema,
	tooMany,
	updateTargetSkills,
	withWeight
} from '$lib/server/targets';

async function ownTarget(userId: string, id: string) {
	const target = await getTarget(await getDb(), userId, id);
	if (!target) error(404, 'No such target.');
	return target;
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const target = await ownTarget(user.id, event.params.id);
	// Kept with the target; made here (from the allowance) for a target saved without it, or
	// read again once the analyser has changed since it was made.
	const caller = { userId: user.id, address: event.getClientAddress() };
	const found = await analysisOfTarget(await getDb(), caller, target);
	const kept = found.state === 'kept' ? found : null;
	const analysis = kept?.analysis ?? null;
	return {
		target: { id: target.id, name: target.name, active: target.active },
		rows: rowsFromTarget(target.skills, findingsOf(analysis)),
		unmatched: analysis?.unmatched ?? [],
		reading: kept && {
			version: kept.version,
			current: JD_ANALYSER_VERSION,
			reread: kept.newSkills !== undefined,
			newSkills: (kept.newSkills ?? []).map(({ id, name, importance, targetLevel }) => ({
				id,
				name,
				importance,
				targetLevel
			}))
		},
		notice:
			found.state === 'waiting'
				? `${tooMany(found.wait)} The quotes from the job description show then.`
				: kept?.staleFor
					? `This reading is from analyser version ${kept.version}; the current one is version ${JD_ANALYSER_VERSION}. ${tooMany(kept.staleFor)} It is read again when you open this page then.`
					: '',
		options: skillOptions()
	};
};

export const actions: Actions = {
	edit: async (event) => {
		const { user } = requireUser(event);
		const target = await ownTarget(user.id, event.params.id);
		const { rows } = readEditor(await event.request.formData(), findingsOf(target.jdAnalysis));
		return { rows, message: '' };
	},
	save: async (event) => {
		const { user } = requireUser(event);
		const target = await ownTarget(user.id, event.params.id);
		const { rows } = readEditor(await event.request.formData(), findingsOf(target.jdAnalysis));
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
