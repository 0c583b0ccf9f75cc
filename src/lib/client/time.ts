// Times of day as the learner reads them: in their own time zone (their settings), 24-hour.

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timezone: string | undefined): Intl.DateTimeFormat {
	const key = timezone ?? '';
	let f = formats.get(key);
	if (!f) {
		try {
			f = new Intl.DateTimeFormat('en-GB', {
				timeZone: timezone,
				hour: '2-digit',
				minute: '2-digit'
			});
		} catch {
			// A zone this browser does not know: the device's own is the best guess.
			f = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
		}
		formats.set(key, f);
	}
	return f;
}

/** "14:10" for an ISO time, in `timezone` (the device's zone when none is given). */
export function timeOfDay(iso: string, timezone?: string): string {
	return format(timezone).format(new Date(iso));
}
