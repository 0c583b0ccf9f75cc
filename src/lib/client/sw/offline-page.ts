// The page the service worker answers with for a page it has not kept, offline: the app's own
// stylesheet, what still waits on this device (read from the outbox), and the two pages that
// do work offline.
import { pendingFor } from '../journal';
import { getCurrentUser } from '../meta';

let stylesheet: string | null = null;

/**
 * Uses the build's root-layout stylesheet (node 0 holds app.css), so the page looks like the
 * app. Without it the page still reads well in the browser's own style.
 */
export function useAppStylesheet(build: readonly string[]) {
	stylesheet = build.find((file) => /\/immutable\/assets\/0\.[\w-]+\.css$/.test(file)) ?? null;
}

async function waitingRatings(): Promise<number> {
	try {
		const user = await getCurrentUser();
		if (!user) return 0;
		return (await pendingFor(user)).filter((entry) => entry.kind === 'review').length;
	} catch {
		return 0; // No IndexedDB: nothing can be waiting.
	}
}

function waitingLine(n: number): string {
	if (n === 0) return 'Nothing is waiting to sync on this device.';
	const [what, it] = n === 1 ? ['1 rating is', 'it is'] : [`${n} ratings are`, 'they are'];
	return `<strong>${what} waiting on this device</strong>; ${it} sent once you are back online.`;
}

export async function offlinePage(): Promise<Response> {
	const link = stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : '';
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Gapwise</title>
${link}<style>body{font:16px/1.5 system-ui,sans-serif;margin:0}
.bar{display:flex;align-items:center;min-height:44px;padding:.5rem 1rem;border-bottom:1px solid var(--border,#cbd5e1);background:var(--surface,#fff);font-weight:800;font-size:1.2rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}</style></head>
<body><header class="bar">Gapwise</header><main class="container stack">
<h1>You are offline</h1>
<section class="card stack"><p>This page is not kept on this device. Review and Today open offline
once you have used the app signed in and online.</p>
<p>${waitingLine(await waitingRatings())}</p>
<p class="actions"><a class="button" href="/review">Review</a><a class="button secondary" href="/today">Today</a></p>
</section></main></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}
