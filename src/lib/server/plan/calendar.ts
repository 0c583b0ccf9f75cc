// The plan as an iCalendar file: a daily review block with an alarm, study blocks for
// the weeks ahead, and a milestone for each step. Times are "floating" (no time zone):
// 08:00 means 08:00 wherever the phone is, which is what a study habit wants.
// UIDs depend only on the learner and the day or step, so a re-imported file updates
// the same events instead of duplicating them.
import { createHash } from 'node:crypto';
import { createEventsAsync, type DateArray, type EventAttributes } from 'ics';
import { addDays, dayNumber, formatDay } from '$lib/core/plan/dates';
import type { PlanView } from './service';

// `ics` validates every event (a few ms each), so the file stays small: study blocks for
// the next weeks, milestones for the next year. Re-download after a re-plan.
export const STUDY_WEEKS = 8;
export const MILESTONE_DAYS = 366;
/** The review reminder fires this many minutes before the review block. */
export const ALARM_MINUTES_BEFORE = 5;

const dateArray = (iso: string): [number, number, number] => {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return [y, m, d];
};
const at = (iso: string, clock: string): DateArray => {
	const [h, min] = clock.split(':').map(Number) as [number, number];
	return [...dateArray(iso), h, min];
};
const stepName = (i: { skillName: string; fromLevel: number; toLevel: number }) =>
	`${i.skillName} ${i.fromLevel}→${i.toLevel}`;

/**
 * Folds content lines at 75 octets (RFC 5545 §3.1). The `ics` package folds at 75
 * characters, which overruns for names with non-ASCII characters such as "→".
 */
export function foldOctets(ics: string): string {
	const unfolded = ics.replace(/\r\n[ \t]/g, '');
	const out: string[] = [];
	for (const line of unfolded.split('\r\n')) {
		let rest = line;
		let limit = 75;
		while (Buffer.byteLength(rest, 'utf8') > limit) {
			let cut = 0;
			let bytes = 0;
			for (const ch of rest) {
				const size = Buffer.byteLength(ch, 'utf8');
				if (bytes + size > limit) break;
				bytes += size;
				cut += ch.length;
			}
			out.push(rest.slice(0, cut));
			rest = ' ' + rest.slice(cut);
			limit = 75;
		}
		out.push(rest);
	}
	return out.join('\r\n');
}

export async function planCalendar(
	view: PlanView,
	userId: string,
	now: Date,
	origin: string
): Promise<string> {
	const who = createHash('sha256').update(userId).digest('hex').slice(0, 16);
	const uid = (part: string) => `${part}-${who}@gapwise`;
	const stamp = {
		timestamp: now.getTime(),
		productId: 'gapwise/plan',
		calName: 'Gapwise study plan'
	};
	const local = { startInputType: 'local', startOutputType: 'local' } as const;
	const link = `${origin}/plan`;
	const events: EventAttributes[] = [];

	// Reviews every day, sized to the plan's expected review time for the first month.
	const firstWeeks = view.weeks.slice(0, 4);
	const days = Math.max(1, firstWeeks.length * 7);
	const expected = firstWeeks.reduce((s, w) => s + w.reviewMinutes, 0) / days;
	const reviewMinutes = Math.max(
		10,
		Math.ceil(Math.max(expected, view.workload.reviewMinutesPerDay))
	);
	events.push({
		...stamp,
		...local,
		uid: uid('reviews'),
		title: 'Gapwise reviews',
		description: `Your daily card reviews (about ${reviewMinutes} minutes). ${origin}/review`,
		start: at(view.today, view.settings.reviewTime),
		duration: { minutes: reviewMinutes },
		recurrenceRule: 'FREQ=DAILY',
		alarms: [
			{
				action: 'display',
				description: 'Time for your Gapwise reviews',
				trigger: { minutes: ALARM_MINUTES_BEFORE, before: true }
			}
		]
	});

	// Study blocks: one per study day, naming the steps of that day.
	const horizon = addDays(view.today, STUDY_WEEKS * 7);
	const byDay = new Map<string, { minutes: number; names: string[] }>();
	for (const item of view.items) {
		if (item.status !== 'planned') continue;
		for (const s of item.sessions) {
			if (s.date < view.today || s.date >= horizon) continue;
			const day = byDay.get(s.date) ?? { minutes: 0, names: [] };
			day.minutes += s.minutes;
			day.names.push(stepName(item));
			byDay.set(s.date, day);
		}
	}
	for (const [date, day] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
		events.push({
			...stamp,
			...local,
			uid: uid(`study-${date}`),
			title: `Study: ${day.names.join(', ')}`,
			description: `${day.minutes} minutes of study. ${link}`,
			start: at(date, view.settings.studyTime),
			duration: { minutes: day.minutes }
		});
	}

	// Milestones: the day each step is planned to be reached.
	for (const item of view.items) {
		if (item.status !== 'planned' || !item.end || item.end >= addDays(view.today, MILESTONE_DAYS)) {
			continue;
		}
		events.push({
			...stamp,
			uid: uid(`milestone-${item.skillId}-${item.toLevel}`),
			title: `Milestone: ${item.skillName} level ${item.toLevel}`,
			description: `${item.reason} ${link}`,
			start: dateArray(item.end),
			end: dateArray(addDays(item.end, 1)),
			transp: 'TRANSPARENT'
		});
	}
	if (view.settings.targetDate) {
		const d = view.settings.targetDate;
		events.push({
			...stamp,
			uid: uid('target-date'),
			title: `Target date: ${view.target.name}`,
			description: `${view.feasibility.message} ${link}`,
			start: dateArray(d),
			end: dateArray(addDays(d, 1)),
			transp: 'TRANSPARENT'
		});
	}
	if (view.finish && dayNumber(view.finish) >= dayNumber(view.today)) {
		events.push({
			...stamp,
			uid: uid('plan-finish'),
			title: `Plan complete: ${view.target.name}`,
			description: `The plan's last step is planned for ${formatDay(view.finish)}. ${link}`,
			start: dateArray(view.finish),
			end: dateArray(addDays(view.finish, 1)),
			transp: 'TRANSPARENT'
		});
	}

	// The async variant yields to the event loop between events, so one export does not
	// hold up other requests.
	const { error, value } = await createEventsAsync(events, {
		productId: 'gapwise/plan',
		calName: 'Gapwise study plan'
	});
	if (error || !value) throw error ?? new Error('calendar export failed');
	return foldOctets(value);
}
