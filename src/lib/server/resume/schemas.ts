import * as v from 'valibot';
import { MAX_CV_CHARS } from '$lib/core/resume';

/**
 * POST /api/resume/analyze, /start/cv and a kept CV in an import: the JD text's limits. Line
 * ends as \n: a form sends a textarea's as \r\n, and the kept copy should not depend on the door.
 */
export const cvTextSchema = v.pipe(
	v.string('Paste your CV as text.'),
	v.trim(),
	v.transform((text) => text.replace(/\r\n?/g, '\n')),
	v.minLength(1, 'Paste your CV first.'),
	v.maxLength(MAX_CV_CHARS, `Paste at most ${MAX_CV_CHARS.toLocaleString('en')} characters.`)
);
