// Issue 14: "Text links inside Today, stats and plan are 16–24 px tall; every tap target outside
// running text is at least 44×44 px." Measured from layout at phone size on every daily page.
import { expect, test, type Page } from '@playwright/test';
import { signUp } from './review-helpers';

test.skip(({ isMobile }) => !isMobile, 'Tap targets are a phone concern.');

const PAGES = ['/today', '/stats', '/plan', '/gap', '/review', '/settings'];

/**
 * Every visible a/button/summary/input/select outside running text that is smaller than 44×44.
 * Running text: a link whose line holds words besides the link (a sentence in a p or li), where
 * WCAG's inline exception applies. A row of links separated by "·" is not running text. A
 * checkbox or radio counts with its label, which is what a finger taps.
 */
async function smallTargets(page: Page) {
	return page.evaluate(() => {
		const INTERACTIVE = 'a[href], button, summary, input, select, textarea';
		const words = /\p{L}{2,}/u;
		const textWithout = (node: Element) => {
			const copy = node.cloneNode(true) as Element;
			for (const el of copy.querySelectorAll(INTERACTIVE)) el.remove();
			return copy.textContent ?? '';
		};
		const inRunningText = (el: Element) => {
			if (!el.closest('p, li')) return false;
			let line = el.parentElement;
			while (line && getComputedStyle(line).display === 'inline') line = line.parentElement;
			return line !== null && words.test(textWithout(line));
		};
		const boxOf = (el: Element) => {
			const own = el.getBoundingClientRect();
			const input = el as HTMLInputElement;
			if (el.tagName !== 'INPUT' || !['checkbox', 'radio'].includes(input.type)) return own;
			const label = input.labels?.[0]?.getBoundingClientRect();
			return label && label.width * label.height > own.width * own.height ? label : own;
		};
		return [...document.querySelectorAll(INTERACTIVE)]
			.filter((el) => {
				const style = getComputedStyle(el);
				const r = el.getBoundingClientRect();
				return (
					r.width > 1 &&
					r.height > 1 &&
					style.visibility !== 'hidden' &&
					(el as HTMLInputElement).type !== 'hidden' &&
					!el.closest('.visually-hidden, [hidden]')
				);
			})
			.filter((el) => !inRunningText(el))
			.map((el) => ({ el, r: boxOf(el) }))
			.filter(({ r }) => r.width < 44 || r.height < 44)
			.map(
				({ el, r }) =>
					`${el.outerHTML.slice(0, 90).replace(/\s+/g, ' ')} → ${Math.round(r.width)}×${Math.round(r.height)}`
			);
	});
}

test('every tap target outside running text is at least 44×44 px on the daily pages', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signUp(page);
	const target = await page.request.post('/api/targets', {
		data: { name: 'Junior MLE', roleId: 'junior-mle' }
	});
	expect(target.status()).toBe(201);
	// One reviewed card, so /stats has its mastery list and /review still has cards to show.
	const queue = (await (await page.request.get('/api/queue')).json()) as {
		cards: { id: string }[];
	};
	const reviewed = await page.request.post('/api/reviews', {
		data: {
			reviews: [
				{
					id: crypto.randomUUID(),
					cardId: queue.cards[0]!.id,
					rating: 3,
					reviewedAt: new Date().toISOString(),
					durationMs: 5000
				}
			]
		}
	});
	expect(reviewed.ok()).toBe(true);

	const found: Record<string, string[]> = {};
	for (const path of PAGES) {
		await page.goto(path);
		if (path === '/review') await expect(page.locator('.review[data-ready]')).toBeAttached();
		const small = await smallTargets(page);
		if (small.length) found[path] = small;
	}
	expect(found).toEqual({});
});
