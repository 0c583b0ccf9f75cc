import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getGraph } from '$lib/server/content';
import { FIX_FIELDS, formFields, validate, type FieldErrors } from '$lib/server/validation';
import {
	analyzeText,
	createTarget,
	editorSkills,
	getActiveTarget,
	jdTextSchema,
	readEditor,
	roleChoices,
	roleSkills,
	rowsFromAnalysis,
	skillOptions,
	targetNameSchema,
	targetSkillsSchema,
	withWeight,
	type EditorRow
} from '$lib/server/targets';
import { MAX_JD_CHARS } from '$lib/core/jd';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const active = await getActiveTarget(await getDb(), user.id);
	return {
		roles: roleChoices(),
		options: skillOptions(),
		activeName: active?.name ?? null,
		maxChars: MAX_JD_CHARS
	};
};

const TITLE_WORD =
	/\b(?:engineer|scientist|developer|researcher|architect|lead|manager|analyst|specialist)s?\b/i;

/** "Senior ML Engineer — Sample job description" → "Senior ML Engineer", in linear time. */
function withoutJdLabel(line: string): string {
	const at = line.search(/job descriptions?\b/i);
	if (at < 0) return line;
	const head = line
		.slice(0, at)
		.replace(/sample $/i, '')
		.trimEnd();
	return head.replace(/[—–:-]$/, '');
}

/**
 * A name for a pasted description: the first short line that reads like a job title ("Senior ML
 * Engineer"), without "Job description" around it; else a plain default.
 */
function suggestName(text: string) {
	for (const raw of text.split('\n').slice(0, 15)) {
		const line = withoutJdLabel(raw.replace(/^[^\p{L}\p{N}]+/u, '')).trim();
		if (
			line.length > 0 &&
			line.length <= 60 &&
			line.split(/\s+/).length <= 8 &&
			TITLE_WORD.test(line)
		)
			return line;
	}
	return 'Job description target';
}

/** The review step's data: the analysis (or the edited rows) of the pasted text. */
function review(text: string, name: string, rows: EditorRow[] | null, errors: FieldErrors = {}) {
	const analysis = analyzeText(text);
	const basisRole = analysis.basis.roleId ? getGraph().roleById.get(analysis.basis.roleId) : null;
	return {
		step: 'review' as const,
		text,
		name,
		rows: rows ?? rowsFromAnalysis(analysis.skills),
		unmatched: analysis.unmatched,
		basis: { role: basisRole?.name ?? null, years: analysis.basis.years },
		message: Object.keys(errors).length ? FIX_FIELDS : '',
		errors
	};
}

const evidenceOf = (text: string) =>
	new Map(analyzeText(text).skills.map((s) => [s.id, s.evidence]));

export const actions: Actions = {
	role: async (event) => {
		const { user } = requireUser(event);
		const fields = formFields(await event.request.formData());
		const role = getGraph().roleById.get(fields.roleId ?? '');
		if (!role) {
			return fail(400, {
				step: 'choose' as const,
				message: 'Choose a role profile.',
				errors: { roleId: 'Choose a role profile.' } as FieldErrors
			});
		}
		await createTarget(
			await getDb(),
			user.id,
			{ name: role.name, roleId: role.id, skills: roleSkills(role), active: true },
			new Date()
		);
		redirect(303, '/start/rate');
	},

	analyze: async (event) => {
		requireUser(event);
		const fields = formFields(await event.request.formData());
		const parsed = validate(jdTextSchema, fields.text ?? '');
		if (!parsed.ok) {
			return fail(400, {
				step: 'choose' as const,
				text: (fields.text ?? '').slice(0, MAX_JD_CHARS + 1000),
				message: parsed.message,
				errors: { text: parsed.message } as FieldErrors
			});
		}
		return review(parsed.data, suggestName(parsed.data), null);
	},

	edit: async (event) => {
		requireUser(event);
		const data = await event.request.formData();
		const text = validate(jdTextSchema, data.get('text') ?? '');
		if (!text.ok)
			return fail(400, {
				step: 'choose' as const,
				message: text.message,
				errors: { text: text.message } as FieldErrors
			});
		const { rows } = readEditor(data, evidenceOf(text.data));
		return review(text.data, String(data.get('name') ?? '').slice(0, 200), rows);
	},

	save: async (event) => {
		const { user } = requireUser(event);
		const data = await event.request.formData();
		const text = validate(jdTextSchema, data.get('text') ?? '');
		if (!text.ok)
			return fail(400, {
				step: 'choose' as const,
				message: text.message,
				errors: { text: text.message } as FieldErrors
			});
		const { rows } = readEditor(data, evidenceOf(text.data));
		const rawName = String(data.get('name') ?? '');
		const name = validate(targetNameSchema, rawName);
		const skills = validate(targetSkillsSchema, editorSkills(rows));
		if (!name.ok || !skills.ok) {
			const errors: FieldErrors = {};
			if (!name.ok) errors.name = name.message;
			if (!skills.ok) errors.skills = skills.message.replace(/^[^:]*: /, '');
			return fail(400, review(text.data, rawName.slice(0, 200), rows, errors));
		}
		await createTarget(
			await getDb(),
			user.id,
			{
				name: name.data,
				jdText: text.data,
				skills: skills.data.map(withWeight),
				active: true
			},
			new Date()
		);
		redirect(303, '/start/rate');
	}
};
