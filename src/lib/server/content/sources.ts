// A card's source must be the page that states its fact. A site's front page or a docs index
// states nothing a learner can check, so these are refused by the content rules.

// Path segments that only lead into a documentation tree ("/docs/", "/en/stable/").
const INDEX_SEGMENTS = new Set([
	'doc',
	'docs',
	'documentation',
	'en',
	'stable',
	'latest',
	'current',
	'main',
	'master',
	'index.html',
	'index.htm',
	'introduction',
	'home'
]);

/** True when the URL names a site's home page or the root of its documentation. */
export function isHomePage(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	if (parsed.hash.length > 1) return false;
	const segments = parsed.pathname.split('/').filter((s) => s.length > 0);
	return segments.every((s) => INDEX_SEGMENTS.has(s.toLowerCase()));
}
