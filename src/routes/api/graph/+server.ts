import type { RequestHandler } from './$types';
import { getGraph } from '$lib/server/content';
import { graphResponseBody, matchesEtag } from './graph-json';

// Content only changes with a deploy; an hour of caching plus revalidation by ETag is safe.
const CACHE = 'public, max-age=3600, stale-while-revalidate=86400';

/** The whole competency graph and the role profiles: public, cacheable, open to other tools. */
export const GET: RequestHandler = ({ request }) => {
	const { body, etag } = graphResponseBody(getGraph());
	const headers = {
		'cache-control': CACHE,
		etag,
		'access-control-allow-origin': '*'
	};
	if (matchesEtag(request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, {
		headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
	});
};
