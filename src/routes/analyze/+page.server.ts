import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getGraph } from '$lib/server/content';
import { formFields, validate } from '$lib/server/validation';
import { analyseFor, jdTextSchema, tooMany } from '$lib/server/targets';
import { MAX_JD_CHARS } from '$lib/core/jd';

export const load: PageServerLoad = ({ locals }) => ({
	signedIn: locals.user !== null,
	maxChars: MAX_JD_CHARS
});

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const text = (fields.text ?? '').slice(0, MAX_JD_CHARS + 1000);
		const parsed = validate(jdTextSchema, fields.text ?? '');
		if (!parsed.ok) return fail(400, { text, message: parsed.message });
		// The same allowance as every other door to the analyser.
		const caller = { userId: event.locals.user?.id, address: event.getClientAddress() };
		const result = analyseFor(caller, parsed.data);
		if (!result.ok) return fail(429, { text, message: tooMany(result.wait) });
		const { skills, unmatched, title, basis } = result.analysis;
		const role = basis.roleId ? getGraph().roleById.get(basis.roleId)?.name : null;
		return {
			text: parsed.data,
			message: '',
			result: { skills, unmatched, title, role: role ?? null }
		};
	}
};
