import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { formFailure } from '$lib/server/validation';
import {
	DUPLICATE_MESSAGE,
	deletePersonalCard,
	getPersonalCard,
	renderCardHtml,
	skillGroups,
	skillName,
	updatePersonalCard
} from '$lib/server/cards';
import { previewCard, readCardForm } from '../card-form.server';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const card = await getPersonalCard(await getDb(), user.id, event.params.id);
	// Another learner's card is "not found", exactly like a card that never existed.
	if (!card) error(404, 'No such card.');
	return {
		card: {
			id: card.id,
			skillId: card.skillId,
			skillName: skillName(card.skillId),
			level: card.level,
			front: card.front,
			back: card.back,
			tags: card.tags.join(' '),
			...(await renderCardHtml(card))
		},
		groups: skillGroups()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user } = requireUser(event);
		const form = await readCardForm(event);
		if (!form.ok) return form.failure;
		const result = await updatePersonalCard(
			await getDb(),
			user.id,
			event.params.id,
			form.draft,
			new Date()
		);
		if (!result.ok && result.reason === 'not-found') error(404, 'No such card.');
		if (!result.ok) {
			return formFailure(400, { ...form.kept, existingId: result.existingId }, DUPLICATE_MESSAGE);
		}
		redirect(303, `/cards?saved=${result.card.id}`);
	},
	preview: previewCard,
	delete: async (event) => {
		const { user } = requireUser(event);
		const deleted = await deletePersonalCard(await getDb(), user.id, event.params.id);
		if (!deleted) error(404, 'No such card.');
		redirect(303, '/cards?deleted=1');
	}
};
