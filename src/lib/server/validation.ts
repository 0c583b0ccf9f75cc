import * as v from 'valibot';
import { error, fail, json } from '@sveltejs/kit';

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; message: string; errors: FieldErrors };

/** Validates any input with a valibot schema, turning issues into one message per field. */
export function validate<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): Parsed<v.InferOutput<S>> {
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, data: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const key = v.getDotPath(issue) ?? '_';
		errors[key] ??= issue.message;
	}
	const [firstKey, firstMessage] = Object.entries(errors)[0] ?? ['_', 'Invalid input'];
	return {
		ok: false,
		message: firstKey === '_' ? firstMessage : `${firstKey}: ${firstMessage}`,
		errors
	};
}

/** Form fields as plain strings; files and repeated keys are not accepted where a string is expected. */
export function formFields(data: FormData): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') fields[key] ??= value;
	return fields;
}

export const MAX_JSON_BYTES = 1_000_000;

/**
 * Reads a JSON request body. Only `application/json` is accepted: a cross-site
 * `text/plain` post (which browsers send without a preflight) must never change anything.
 */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		error(415, 'Send the body as application/json.');
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > maxBytes) error(413, `The body is larger than ${maxBytes} bytes.`);
	const text = await request.text();
	if (text.length > maxBytes) error(413, `The body is larger than ${maxBytes} bytes.`);
	try {
		return JSON.parse(text) as unknown;
	} catch {
		error(400, 'The body is not valid JSON.');
	}
}

export function badRequest(message: string, errors?: FieldErrors) {
	return json({ message, errors }, { status: 400 });
}

/** A failed form action: the message, one error per field, and the input to refill. */
export function formFailure<K extends Record<string, unknown>>(
	status: number,
	kept: K,
	message: string,
	errors: FieldErrors = {}
) {
	return fail(status, { ...kept, message, errors });
}

/** The summary above a form whose fields carry their own messages. */
export const FIX_FIELDS = 'Please correct the marked fields.';
