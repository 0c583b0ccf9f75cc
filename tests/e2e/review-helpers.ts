import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, uniqueName } from './helpers';

/**
 * Signs up through the form endpoint instead of typing into the page: when hydration lands
 * after the typing (a cold server, or a service worker installing on the first visit), the
 * sign-up form's inputs are reset to their server values and the helper's submit goes nowhere.
 * The session cookie lands in the page's context either way.
 */
export async function signUp(page: Page) {
	const baseURL = test.info().project.use.baseURL;
	const username = uniqueName('rv');
	const response = await page.request.post('/register', {
		form: { username, password: PASSWORD },
		headers: { origin: new URL(baseURL!).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	return { username };
}
