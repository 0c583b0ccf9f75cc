import { timeZoneList } from '$lib/server/time-zone';

/** IANA time zones for the select, the learner's own first if the runtime does not list it. */
export function timeZones(current: string): string[] {
	const zones = timeZoneList();
	return zones.includes(current) ? zones : [current, ...zones];
}
