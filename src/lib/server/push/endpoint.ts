// Which push endpoints the server accepts, checked when a browser subscribes and again
// (with the addresses the name resolves to) every time a push is sent.
import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import { hostAllowed, type PushConfig } from './config';
import { isPublicAddress } from './address';

export const MAX_ENDPOINT_LENGTH = 2048;

export type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** The endpoint as a URL if it may receive pushes; otherwise why not, in words for the learner. */
export function checkEndpoint(endpoint: string, config: PushConfig): EndpointCheck {
	if (endpoint.length > MAX_ENDPOINT_LENGTH)
		return { ok: false, reason: `The endpoint is longer than ${MAX_ENDPOINT_LENGTH} characters.` };
	const url = URL.canParse(endpoint) ? new URL(endpoint) : null;
	if (!url) return { ok: false, reason: 'The endpoint is not a URL.' };
	if (config.testOrigin && url.origin === config.testOrigin) return { ok: true, url };
	if (url.protocol !== 'https:') return { ok: false, reason: 'The endpoint must use https.' };
	if (url.username || url.password || url.port)
		return { ok: false, reason: 'The endpoint must not carry credentials or a port.' };
	const host = url.hostname.replace(/^\[|\]$/g, '');
	if (isIP(host)) return { ok: false, reason: 'The endpoint must name a push service, not an IP.' };
	if (!hostAllowed(host, config.hosts))
		return { ok: false, reason: `${host} is not a known push service.` };
	return { ok: true, url };
}

export interface LookupAddress {
	address: string;
	family: number;
}
export type Resolver = (host: string) => Promise<LookupAddress[]>;

/** The system resolver (what a connection would use), every address of the name. */
export const systemResolver: Resolver = (host) =>
	new Promise((resolve, reject) =>
		dnsLookup(host, { all: true }, (error, addresses) =>
			error ? reject(error) : resolve(addresses)
		)
	);

/** The first address a name resolves to that a push must never reach, if any. */
export function forbiddenAddress(addresses: LookupAddress[]): string | undefined {
	return addresses.find((a) => !isPublicAddress(a.address))?.address;
}

const RESOLVE_WAIT_MS = 2_000;

/**
 * At subscription time: refuse a name that resolves to a private, loopback or link-local
 * address. A name that does not resolve now is let through: nothing is sent to it here, and
 * the send-time check (at connect, on the addresses actually used) still applies.
 */
export async function checkResolves(
	url: URL,
	config: PushConfig,
	resolve: Resolver = systemResolver
): Promise<EndpointCheck> {
	if (config.testOrigin && url.origin === config.testOrigin) return { ok: true, url };
	let addresses: LookupAddress[];
	try {
		addresses = await Promise.race([
			resolve(url.hostname),
			new Promise<never>((_, reject) =>
				setTimeout(() => reject(new Error('timeout')), RESOLVE_WAIT_MS).unref()
			)
		]);
	} catch {
		return { ok: true, url };
	}
	const bad = forbiddenAddress(addresses);
	if (bad) return { ok: false, reason: `${url.hostname} resolves to a private address.` };
	return { ok: true, url };
}
