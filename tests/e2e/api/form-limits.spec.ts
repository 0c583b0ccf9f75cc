// Form actions read their bodies whole, so the hook in front of them caps each page's forms and
// refuses text that is not UTF-8 — checked here on the running production server.
import { expect, test } from '@playwright/test';
import { COOKIE, ORIGIN, jsonRequest, registerLearner } from './http';

function rawForm(path: string, body: string, token: string) {
	return fetch(ORIGIN + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: ORIGIN,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			cookie: `${COOKIE}=${token}`
		},
		body
	});
}

test('a card form over a megabyte or not in UTF-8 is refused, and nothing is saved', async ({
	request
}) => {
	const a = await registerLearner(request);
	const card = 'skillId=docker&level=1&back=Layers';

	const big = await rawForm(
		'/cards/new?/create',
		`${card}&front=${'a'.repeat(1_100_000)}`,
		a.token
	);
	expect(big.status).toBe(413);
	expect(await big.text()).toMatch(/limit of 1 MB/);

	// "Café" in Latin-1 (%E9) would otherwise be stored as "Caf\uFFFD".
	const latin1 = await rawForm('/cards/new?/create', `${card}&front=Caf%E9%3F`, a.token);
	expect(latin1.status).toBe(400);
	expect(await latin1.text()).toMatch(/not valid UTF-8/);

	const cards = await jsonRequest(request, 'GET', '/api/cards', a.token);
	expect(JSON.stringify(await cards.json())).not.toContain('Caf');

	// The same form in UTF-8 goes through.
	const fine = await rawForm('/cards/new?/create', `${card}&front=Caf%C3%A9%3F`, a.token);
	expect(fine.status).toBe(303);
	expect(
		JSON.stringify(await (await jsonRequest(request, 'GET', '/api/cards', a.token)).json())
	).toContain('Café?');
});
