/** IANA time zones for the select, the learner's own first if the runtime does not list it. */
export function timeZones(current: string): string[] {
	const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
	return zones.has(current) ? [...zones] : [current, ...zones];
}
