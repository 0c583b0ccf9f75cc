import * as v from 'valibot';
import { error, fail, json } from '@sveltejs/kit';
import { describeTextProblem, findTextProblem } from '$lib/core/plain-text';
import { MB, bodyLimit, formatBytes, readBody } from './http/body';

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; message: string; errors: FieldErrors };

/** Validates any input with a valibot schema, turning issues into one message per field. */
export function validate<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): Parsed<v.InferOutput<S>> {
	// Every door (form or JSON) validates through here, so no text field can carry a NUL.
	const bad = findTextProblem(input);
	if (bad) {
		const message = describeTextProblem(bad);
		const field = bad.message[0]!.toUpperCase() + bad.message.slice(1);
		return { ok: false, message, errors: { [bad.path || '_']: field } };
	}
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

export const MAX_JSON_BYTES = 1 * MB;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8: a malformed byte sequence gives null, never a silent U+FFFD. */
export function decodeUtf8(bytes: Uint8Array | ArrayBuffer): string | null {
	try {
		return utf8.decode(bytes);
	} catch {
		return null;
	}
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * JSON from raw bytes (a request body or an uploaded file): strict UTF-8, and no text that
 * cannot be stored (see $lib/core/plain-text), so every door refuses the same things.
 */
export function jsonFromBytes(bytes: Uint8Array | ArrayBuffer, what = 'The body'): JsonResult {
	const text = decodeUtf8(bytes);
	if (text === null) return { ok: false, message: `${what} is not valid UTF-8 text.` };
	let value: unknown;
	try {
		value = JSON.parse(text) as unknown;
	} catch {
		return { ok: false, message: `${what} is not valid JSON.` };
	}
	const bad = findTextProblem(value);
	if (bad) return { ok: false, message: describeTextProblem(bad, what) };
	return { ok: true, value };
}

/**
 * Reads a JSON request body. Only `application/json` is accepted: a cross-site
 * `text/plain` post (which browsers send without a preflight) must never change anything.
 * The body is read as bytes and stops at the smaller of `maxBytes` and the server's
 * BODY_SIZE_LIMIT, answering 413 with that limit.
 */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(?:;|$)/i.test(type)) {
		error(415, 'Send the body as application/json.');
	}
	const limit = Math.min(maxBytes, bodyLimit());
	const bytes = await readBody(request, limit);
	if (!bytes) error(413, `The body is over this endpoint’s limit of ${formatBytes(limit)}.`);
	const parsed = jsonFromBytes(bytes);
	if (!parsed.ok) error(400, parsed.message);
	return parsed.value;
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
