import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { refuseImport } from '$lib/server/http/import-limit';
import { confirmImport, isSkill, previewImport, skillGroups, skillName } from '$lib/server/cards';
import type { PreviewRow } from '$lib/core/cards';
import { readImportForm } from './import-form.server';

// Enough of a preview to judge a file without sending thousands of rows to a phone.
const SHOWN_PROBLEMS = 300;
const SHOWN_NEW = 100;
const SHOWN_CHARS = 160;

const clip = (text: string) =>
	text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;

function shownRows(rows: PreviewRow[]) {
	const problems = rows.filter((r) => r.status !== 'new');
	const fresh = rows.filter((r) => r.status === 'new');
	const shown = [...problems.slice(0, SHOWN_PROBLEMS), ...fresh.slice(0, SHOWN_NEW)]
		.sort((a, b) => a.line - b.line)
		.map((r) => ({
			line: r.line,
			status: r.status,
			reason: r.reason ?? '',
			front: clip(r.front),
			back: clip(r.back),
			skill: r.skillId && isSkill(r.skillId) ? skillName(r.skillId) : (r.skillId ?? ''),
			level: r.level ?? null,
			tags: r.tags
		}));
	return { shown, hidden: rows.length - shown.length };
}

const SEPARATOR_NAMES: Record<string, string> = {
	'\t': 'tab',
	',': 'comma',
	';': 'semicolon',
	' ': 'space',
	'|': 'pipe',
	':': 'colon'
};

export const load: PageServerLoad = ({ url }) => {
	const skill = url.searchParams.get('skill') ?? '';
	return { groups: skillGroups(), skillId: isSkill(skill) ? skill : '' };
};

export const actions: Actions = {
	preview: async (event) => {
		const { user } = requireUser(event);
		const form = await readImportForm(await event.request.formData());
		if (!form.ok) return fail(400, { ...form.kept, message: form.message, errors: form.errors });
		const refused = refuseImport(event, user.id);
		if (refused) return fail(429, { ...form.kept, message: refused, errors: {} });
		const result = await previewImport(await getDb(), user.id, form.text, form.defaults);
		if (!result.ok) return fail(400, { ...form.kept, message: result.message, errors: {} });
		return {
			...form.kept,
			text: form.text,
			preview: {
				...shownRows(result.preview.rows),
				counts: result.preview.counts,
				total: result.preview.rows.length,
				separator: SEPARATOR_NAMES[result.separator] ?? result.separator,
				html: result.html
			}
		};
	},
	confirm: async (event) => {
		const { user } = requireUser(event);
		const form = await readImportForm(await event.request.formData());
		if (!form.ok) return fail(400, { ...form.kept, message: form.message, errors: form.errors });
		const refused = refuseImport(event, user.id);
		if (refused) return fail(429, { ...form.kept, message: refused, errors: {} });
		const result = await confirmImport(
			await getDb(),
			user.id,
			form.text,
			form.defaults,
			new Date()
		);
		if (!result.ok) return fail(400, { ...form.kept, message: result.message, errors: {} });
		redirect(303, `/cards?imported=${result.created}&skipped=${result.skipped}`);
	}
};
