import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getGraph } from '$lib/server/content';
import { formFields, validate } from '$lib/server/validation';
import { analyzeText, jdTextSchema, takeAnalysis } from '$lib/server/targets';
import { MAX_JD_CHARS } from '$lib/core/jd';

export const load: PageServerLoad = ({ locals }) => ({
	signedIn: locals.user !== null,
	maxChars: MAX_JD_CHARS
});

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const text = (fields.text ?? '').slice(0, MAX_JD_CHARS + 1000);
		// The same bucket as POST /api/jd/analyze: one allowance, two doors.
		const wait = takeAnalysis(event.locals.user?.id, event.getClientAddress());
		if (wait > 0) {
			return fail(429, { text, message: `Too many analyses; try again in ${wait} seconds.` });
		}
		const parsed = validate(jdTextSchema, fields.text ?? '');
		if (!parsed.ok) return fail(400, { text, message: parsed.message });
		const { skills, unmatched, basis } = analyzeText(parsed.data);
		const role = basis.roleId ? getGraph().roleById.get(basis.roleId)?.name : null;
		return { text: parsed.data, message: '', result: { skills, unmatched, role: role ?? null } };
	}
};
