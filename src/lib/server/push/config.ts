// Where the server may send pushes. A subscription's endpoint is a URL the browser hands
// us, so delivering to it is a server-side request to an address someone else chose.

/** The push services of Chrome/Edge (FCM), Firefox, Safari and Windows. */
export const DEFAULT_PUSH_HOSTS = [
	'fcm.googleapis.com',
	'updates.push.services.mozilla.com',
	'*.push.apple.com',
	'web.push.apple.com',
	'*.notify.windows.com'
];

/** Connect, send and answer within this, or the delivery is abandoned. */
export const PUSH_TIMEOUT_MS = 5_000;

export interface PushConfig {
	/** Host names, or "*.suffix" for any subdomain of suffix. */
	hosts: string[];
	/**
	 * One plain-http origin ("http://127.0.0.1:PORT") the test suite's receiver listens on.
	 * Never set in production: nothing but tests should let the server post to itself.
	 */
	testOrigin: string | null;
	timeoutMs: number;
}

/** The configuration from PUSH_SERVICE_HOSTS (comma-separated) and PUSH_TEST_ORIGIN. */
export function pushConfigFrom(env: Record<string, string | undefined>): PushConfig {
	const listed = (env.PUSH_SERVICE_HOSTS ?? '')
		.split(',')
		.map((h) => h.trim().toLowerCase())
		.filter(Boolean);
	return {
		hosts: listed.length ? listed : DEFAULT_PUSH_HOSTS,
		testOrigin: testOrigin(env.PUSH_TEST_ORIGIN),
		timeoutMs: PUSH_TIMEOUT_MS
	};
}

function testOrigin(value: string | undefined): string | null {
	if (!value) return null;
	const url = URL.canParse(value) ? new URL(value) : null;
	// Only a loopback receiver on plain http: the setting cannot open any other door.
	if (!url || url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || !url.port)
		throw new Error(`PUSH_TEST_ORIGIN must look like http://127.0.0.1:PORT, not ${value}`);
	return url.origin;
}

export function hostAllowed(host: string, hosts: string[]): boolean {
	return hosts.some((pattern) =>
		pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern
	);
}
