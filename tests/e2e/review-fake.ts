// A stand-in for GET /api/queue and POST /api/reviews inside the browser context, for the
// review UI tests that need fixed cards (code, cloze, a personal card) and full control of
// what the network does. It is idempotent by review id like the real server.
import type { BrowserContext, Route } from '@playwright/test';
import { renderCard } from '../../src/lib/server/content/markdown';

const GENERATED_AT = '2025-03-10T08:00:00.000Z';

interface Preview {
	rating: 1 | 2 | 3 | 4;
	label: string;
	due: string;
}

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const previews = (): Preview[] => [
	{ rating: 1, label: '10m', due: inMinutes(10) },
	{ rating: 2, label: '1d', due: inMinutes(1440) },
	{ rating: 3, label: '3d', due: inMinutes(3 * 1440) },
	{ rating: 4, label: '8d', due: inMinutes(8 * 1440) }
];

const SOURCES = [
	{
		id: 'docker-005',
		skillId: 'docker',
		kind: 'code' as const,
		front:
			'Why does every small code edit reinstall all dependencies, and what is the fix?\n\n```dockerfile\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt --extra-index-url https://download.pytorch.org/whl/cpu\nCMD ["python", "serve.py"]\n```',
		back: '`COPY . .` comes before the install, so any source change invalidates that layer. Copy `requirements.txt` first, install, then copy the rest.'
	},
	{
		id: 'software-testing-cloze',
		skillId: 'software-testing',
		kind: 'cloze' as const,
		front:
			'A test double that records calls so the test can assert on them afterwards is a {{spy}}.',
		back: 'Stubs return canned answers; spies also record how they were called.'
	},
	{
		id: 'pc_00000000-0000-4000-8000-000000000001',
		skillId: 'python',
		kind: 'qa' as const,
		front: 'What does `functools.lru_cache` need from the arguments of the function it wraps?',
		back: 'They must be hashable: the cache is a dict keyed by the arguments.',
		personal: true
	},
	{
		id: 'kubernetes-qa',
		skillId: 'kubernetes',
		kind: 'qa' as const,
		front: 'What does a readiness probe failing do to a pod?',
		back: 'The pod is removed from the Service endpoints until the probe passes again; it is **not** restarted (that is the liveness probe).'
	}
];

export async function fakeQueue(count = SOURCES.length) {
	const cards = await Promise.all(
		Array.from({ length: count }, async (_, i) => {
			const source = SOURCES[i % SOURCES.length]!;
			const html = await renderCard(source);
			return {
				id: i < SOURCES.length ? source.id : `${source.id}-${i}`,
				skillId: source.skillId,
				kind: source.kind,
				front: html.frontHtml,
				back: html.backHtml,
				isNew: i % 3 === 0,
				personal: 'personal' in source,
				previews: previews()
			};
		})
	);
	return { cards, generatedAt: GENERATED_AT, doneToday: 0, streak: 4, tomorrow: 12 };
}

export interface SentReview {
	id: string;
	cardId: string;
	rating: number;
	reviewedAt: string;
	durationMs: number;
}

export interface FakeServer {
	/** Every review the fake stored, once each. */
	stored: Map<string, SentReview>;
	/** Every review id in every request, duplicates included. */
	received: string[];
	/** Replace how POST /api/reviews answers (default: store and acknowledge). */
	reviews: (route: Route, body: { reviews: SentReview[] }) => Promise<void>;
	undone: string[];
}

export async function installFakeServer(context: BrowserContext, cards = 4): Promise<FakeServer> {
	const queue = await fakeQueue(cards);
	const server: FakeServer = {
		stored: new Map(),
		received: [],
		undone: [],
		reviews: async (route, body) => route.fulfill({ json: acknowledge(server, body) })
	};
	await context.route('**/api/queue', (route) => route.fulfill({ json: queue }));
	await context.route('**/api/reviews', async (route) => {
		const body = route.request().postDataJSON() as { reviews: SentReview[] };
		server.received.push(...body.reviews.map((r) => r.id));
		await server.reviews(route, body);
	});
	await context.route('**/api/reviews/*/undo', async (route) => {
		const id = decodeURIComponent(route.request().url().split('/').at(-2)!);
		server.undone.push(id);
		server.stored.delete(id);
		await route.fulfill({ json: { id, status: 'undone' } });
	});
	await context.route('**/api/cards/*/*', (route) => route.fulfill({ json: { ok: true } }));
	return server;
}

export function acknowledge(server: FakeServer, body: { reviews: SentReview[] }) {
	return {
		results: body.reviews.map((review) => {
			const status = server.stored.has(review.id) ? 'duplicate' : 'applied';
			server.stored.set(review.id, review);
			return { id: review.id, status, card: { id: review.cardId } };
		})
	};
}
