// Short labels for the grade buttons: "1m", "10m", "3h", "4d", "2.5mo", "1.2y".
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function trim(value: number): string {
	return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

export function intervalLabel(from: Date, due: Date): string {
	const ms = Math.max(0, due.getTime() - from.getTime());
	if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
	if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
	const days = ms / DAY;
	if (days < 30) return `${Math.round(days)}d`;
	if (days < 365) return `${trim(days / 30.4375)}mo`;
	return `${trim(days / 365.25)}y`;
}
