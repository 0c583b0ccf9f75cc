import { describe, expect, it } from 'vitest';
import type { QueueData } from '$lib/client/types';
import { DATA_ID, dataElement, type ReviewData } from './review-data';

describe('dataElement', () => {
	const hostile = '</script><script>alert(1)</script><!-- </SCRIPT > &lt; \u2028';
	const data: ReviewData = {
		username: 'ada</script>',
		queue: { cards: [{ front: hostile, back: `<p>${hostile}</p>` }] } as unknown as QueueData,
		problem: null
	};

	it('is one element whose text no card can end or comment out', () => {
		const element = dataElement(data);
		const open = `<script type="application/json" id="${DATA_ID}">`;
		expect(element.startsWith(open)).toBe(true);
		expect(element.endsWith('</script>')).toBe(true);
		const text = element.slice(open.length, -'</script>'.length);
		expect(text).not.toContain('<');
	});

	it('reads back as the data it was made from', () => {
		const element = dataElement(data);
		const text = element.slice(element.indexOf('>') + 1, element.lastIndexOf('<'));
		expect(JSON.parse(text)).toEqual(data);
	});
});
