// Delivers one prepared push request (web-push builds it: VAPID JWT and the RFC 8291
// aes128gcm body) with the guards an attacker-chosen URL needs: the endpoint checked again,
// every address the name resolves to checked at connect time (no DNS-rebinding window),
// one deadline for the whole exchange, redirects answered as failures and never followed.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { PushConfig } from './config';
import { checkEndpoint, forbiddenAddress, systemResolver, type Resolver } from './endpoint';

export interface PushRequest {
	endpoint: string;
	headers: Record<string, string | number>;
	body: Buffer | null;
}

export type Delivery =
	| { ok: true; status: number }
	| { ok: false; status: number | null; gone: boolean; reason: string };

type AnyCallback = (...args: unknown[]) => void;

/** A resolver for net.connect that refuses names with any non-public address. */
function guardedLookup(resolve: Resolver): LookupFunction {
	return (hostname, options, callback) => {
		const done = callback as AnyCallback;
		const fail = (error: Error) => (options.all ? done(error, []) : done(error, '', 0));
		resolve(hostname).then(
			(addresses) => {
				const bad = forbiddenAddress(addresses);
				if (bad) return fail(new Error(`${hostname} resolves to ${bad}, a private address`));
				const wanted = options.family === 6 ? 6 : options.family === 4 ? 4 : 0;
				const usable = addresses.filter((a) => !wanted || a.family === wanted);
				const first = usable[0];
				if (!first) return fail(new Error(`${hostname} has no usable address`));
				if (options.all) done(null, usable);
				else done(null, first.address, first.family);
			},
			(error: Error) => fail(error)
		);
	};
}

export function deliver(
	push: PushRequest,
	config: PushConfig,
	resolve: Resolver = systemResolver
): Promise<Delivery> {
	const checked = checkEndpoint(push.endpoint, config);
	if (!checked.ok)
		return Promise.resolve({ ok: false, status: null, gone: false, reason: checked.reason });
	const { url } = checked;
	const send = url.protocol === 'https:' ? https.request : http.request;
	return new Promise((settle) => {
		let settled = false;
		const finish = (result: Delivery) => {
			if (settled) return;
			settled = true;
			clearTimeout(deadline);
			settle(result);
		};
		const request = send(
			url,
			{ method: 'POST', headers: push.headers, agent: false, lookup: guardedLookup(resolve) },
			(response) => {
				const status = response.statusCode ?? 0;
				// Only the status matters: the body is not read, so no size of answer can hurt.
				response.destroy();
				request.destroy();
				if (status >= 200 && status < 300) return finish({ ok: true, status });
				const reason =
					status >= 300 && status < 400 ? `a redirect (${status}), not followed` : `${status}`;
				finish({ ok: false, status, gone: status === 404 || status === 410, reason });
			}
		);
		const deadline = setTimeout(
			() => request.destroy(new Error(`no answer within ${config.timeoutMs} ms`)),
			config.timeoutMs
		);
		request.on('error', (error) =>
			finish({ ok: false, status: null, gone: false, reason: error.message })
		);
		request.end(push.body ?? undefined);
	});
}
