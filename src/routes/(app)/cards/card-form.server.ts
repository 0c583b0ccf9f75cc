import type { RequestEvent } from '@sveltejs/kit';
import { BACK_MAX, FRONT_MAX, normaliseNewlines } from '$lib/core/cards';
import { FIX_FIELDS, formFailure, formFields, validate } from '$lib/server/validation';
import {
	cardFormInput,
	createCardSchema,
	foldTagErrors,
	keptCardFields,
	renderCardHtml
} from '$lib/server/cards';

// The actions the new-card and edit pages share: read and validate the form, or render a preview.

export async function readCardForm(event: RequestEvent) {
	const fields = formFields(await event.request.formData());
	const kept = keptCardFields(fields);
	const parsed = validate(createCardSchema, cardFormInput(fields));
	if (!parsed.ok) {
		return {
			ok: false as const,
			fields,
			failure: formFailure(400, kept, FIX_FIELDS, foldTagErrors(parsed.errors))
		};
	}
	return { ok: true as const, fields, kept, draft: parsed.data };
}

/** Renders the typed front and back without saving, so the preview works without JavaScript. */
export async function previewCard(event: RequestEvent) {
	const fields = formFields(await event.request.formData());
	const side = (text: string | undefined, max: number) =>
		normaliseNewlines(text ?? '')
			.trim()
			.slice(0, max);
	const preview = await renderCardHtml({
		front: side(fields.front, FRONT_MAX),
		back: side(fields.back, BACK_MAX)
	});
	return { ...keptCardFields(fields), message: '', errors: {}, preview };
}
