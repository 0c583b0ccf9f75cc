import { expect, test } from '@playwright/test';
import { hasHorizontalScroll, register } from './helpers';

test('signed-out visitors see what Gapwise is and how to start', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('ML engineering job');
	await page.getByRole('link', { name: 'Create a free account' }).click();
	await expect(page).toHaveURL(/\/register$/);
});

test('the navigation is real on every size', { tag: '@desktop' }, async ({ page, isMobile }) => {
	await register(page);
	for (const label of ['Review', 'Plan', 'Skills', 'Profile', 'Today']) {
		const nav = page.getByRole('navigation', { name: 'Main' }).locator('visible=true');
		await nav.getByRole('link', { name: label }).click();
		await expect(page).toHaveURL(new RegExp(`/${label.toLowerCase()}$`));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	const bottom = page.locator('.bottom-nav');
	if (isMobile) await expect(bottom).toBeVisible();
	else await expect(bottom).toBeHidden();
});

test('no horizontal scrolling at 360 px and touch targets of 44 px', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/', '/login', '/register', '/skills']) {
		await page.goto(path);
		expect(await hasHorizontalScroll(page), path).toBe(false);
	}
	await register(page);
	for (const path of ['/today', '/review', '/plan', '/profile']) {
		await page.goto(path);
		expect(await hasHorizontalScroll(page), path).toBe(false);
	}
	const small = await page.evaluate(() =>
		[...document.querySelectorAll('a, button, input, select, textarea')]
			.filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('p, li, .skip'))
			.map((el) => ({ el: el.outerHTML.slice(0, 80), r: el.getBoundingClientRect() }))
			.filter(({ r }) => r.height < 44 && r.width > 0)
			.map(({ el }) => el)
	);
	expect(small).toEqual([]);
});

test('security headers are sent', async ({ request }) => {
	const res = await request.get('/login');
	const csp = res.headers()['content-security-policy'] ?? '';
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	expect(res.headers()['x-content-type-options']).toBe('nosniff');
	expect(res.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('a cross-origin post is refused, JSON or form', async ({ request }) => {
	for (const contentType of [
		'application/x-www-form-urlencoded',
		'application/json',
		'text/plain'
	]) {
		const res = await request.post('/login', {
			headers: { origin: 'https://evil.example', 'content-type': contentType },
			data: contentType === 'application/json' ? '{}' : 'username=a&password=b'
		});
		expect(res.status(), contentType).toBe(403);
	}
});
