import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getGraph } from '$lib/server/content';
import { formFields, validate, type FieldErrors } from '$lib/server/validation';
import {
	analyseFor,
	createTarget,
	editorSkills,
	findingsOf,
	getActiveTarget,
	jdTextSchema,
	proposedName,
	readEditor,
	reuseFor,
	roleChoices,
	roleSkills,
	skillOptions,
	storedAnalysis,
	targetNameSchema,
	targetSkillsSchema,
	tooMany,
	withWeight
} from '$lib/server/targets';
import { review } from './review';
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

const callerOf = (event: { getClientAddress(): string }, userId: string) => ({
	userId,
	address: event.getClientAddress()
});

const SPENT = 'Quotes and unrecognised terms come back once you can analyse again.';

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
		const { user } = requireUser(event);
		const fields = formFields(await event.request.formData());
		const text = (fields.text ?? '').slice(0, MAX_JD_CHARS + 1000);
		const parsed = validate(jdTextSchema, fields.text ?? '');
		if (!parsed.ok) {
			return fail(400, {
				step: 'choose' as const,
				text,
				message: parsed.message,
				errors: { text: parsed.message } as FieldErrors
			});
		}
		// The same allowance as /analyze and POST /api/jd/analyze.
		const made = analyseFor(callerOf(event, user.id), parsed.data);
		if (!made.ok) {
			const message = tooMany(made.wait);
			return fail(429, {
				step: 'choose' as const,
				text,
				message,
				errors: { text: message } as FieldErrors
			});
		}
		return review(parsed.data, proposedName(made.analysis), null, made.analysis);
	},

	edit: async (event) => {
		const { user } = requireUser(event);
		const data = await event.request.formData();
		const text = validate(jdTextSchema, data.get('text') ?? '');
		if (!text.ok)
			return fail(400, {
				step: 'choose' as const,
				message: text.message,
				errors: { text: text.message } as FieldErrors
			});
		// The analysis just made for this text; a fresh one only if it has been forgotten.
		const made = reuseFor(callerOf(event, user.id), text.data);
		const analysis = made.ok ? made.analysis : null;
		const { rows } = readEditor(data, findingsOf(analysis));
		const name = String(data.get('name') ?? '').slice(0, 200);
		const notice = made.ok ? '' : `${tooMany(made.wait)} ${SPENT}`;
		return review(text.data, name, rows, analysis, {}, notice);
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
		const made = reuseFor(callerOf(event, user.id), text.data);
		const analysis = made.ok ? made.analysis : null;
		const { rows } = readEditor(data, findingsOf(analysis));
		const rawName = String(data.get('name') ?? '');
		const name = validate(targetNameSchema, rawName);
		const skills = validate(targetSkillsSchema, editorSkills(rows));
		if (!name.ok || !skills.ok) {
			const errors: FieldErrors = {};
			if (!name.ok) errors.name = name.message;
			if (!skills.ok) errors.skills = skills.message.replace(/^[^:]*: /, '');
			return fail(400, review(text.data, rawName.slice(0, 200), rows, analysis, errors));
		}
		await createTarget(
			await getDb(),
			user.id,
			{
				name: name.data,
				jdText: text.data,
				// Kept with the target; if the allowance is spent, it is made on first view.
				jdAnalysis: analysis ? storedAnalysis(analysis) : null,
				skills: skills.data.map(withWeight),
				active: true
			},
			new Date()
		);
		redirect(303, '/start/rate');
	}
};
