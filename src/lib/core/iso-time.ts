import * as v from 'valibot';
import { isIsoDate } from './plan/dates';

/**
 * An ISO-8601 time with a zone ("2026-02-01T09:30:00Z", "…+01:00") as a Date. JavaScript's
 * Date rolls impossible days over ("2026-02-30" becomes 2 March), so the calendar date is
 * checked first: a time that names a day that does not exist is refused, not moved.
 */
export function isoTimeSchema(label: string) {
	return v.pipe(
		v.string(`${label} must be an ISO-8601 time.`),
		v.isoTimestamp(`${label} must be an ISO-8601 time with a time zone.`),
		v.check(
			(text) => isIsoDate(text.slice(0, 10)),
			(issue) => `${label} names a day that does not exist (${String(issue.input).slice(0, 10)}).`
		),
		v.transform((text) => new Date(text)),
		v.check((date) => Number.isFinite(date.getTime()), `${label} is not a real time.`)
	);
}

/** The same check outside a schema: the Date, or null when the text is not such a time. */
export function parseIsoTime(text: string): Date | null {
	const result = v.safeParse(isoTimeSchema('time'), text);
	return result.success ? result.output : null;
}
