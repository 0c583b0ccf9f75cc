import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { formFailure } from '$lib/server/validation';
import { DUPLICATE_MESSAGE, createPersonalCard, isSkill, skillGroups } from '$lib/server/cards';
import { previewCard, readCardForm } from '../card-form.server';

export const load: PageServerLoad = ({ url }) => {
	// ?skill=docker (from a skill's page) and ?level=2 preselect; anything else is ignored.
	const skill = url.searchParams.get('skill') ?? '';
	const level = url.searchParams.get('level') ?? '';
	return {
		groups: skillGroups(),
		skillId: isSkill(skill) ? skill : '',
		level: /^[1-4]$/.test(level) ? level : '',
		added: url.searchParams.get('added') ?? ''
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { user } = requireUser(event);
		const form = await readCardForm(event);
		if (!form.ok) return form.failure;
		const result = await createPersonalCard(await getDb(), user.id, form.draft, new Date());
		if (!result.ok) {
			return formFailure(400, { ...form.kept, existingId: result.existingId }, DUPLICATE_MESSAGE);
		}
		const { id, skillId, level } = result.card;
		if (form.fields.then === 'another') {
			redirect(303, `/cards/new?skill=${skillId}&level=${level}&added=${id}`);
		}
		redirect(303, `/cards?created=${id}`);
	},
	preview: previewCard
};
