// Rasterises the app icon (the favicon's mark) into the PNGs the web app manifest names,
// with Debian's Chromium through Playwright. Run once after changing the mark; the PNGs are
// committed: `node scripts/make-icons.mjs`.
import { chromium } from 'playwright';

const MARK =
	'<path d="M8 22V10h5.5a4 4 0 0 1 0 8H8m10 4 6-12" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/>';

// "any": rounded tile as in the favicon. "maskable": full-bleed background with the mark
// inside the central 80% safe zone, so a launcher's circle or squircle never clips it.
const icons = [
	{ file: 'static/icons/icon-192.png', size: 192, maskable: false },
	{ file: 'static/icons/icon-512.png', size: 512, maskable: false },
	{ file: 'static/icons/maskable-512.png', size: 512, maskable: true },
	{ file: 'static/icons/apple-touch-icon.png', size: 180, maskable: true }
];

function svg(size, maskable) {
	const tile = maskable
		? '<rect width="32" height="32" fill="#2563eb"/>'
		: '<rect width="32" height="32" rx="7" fill="#2563eb"/>';
	const mark = maskable
		? `<g transform="translate(16 16) scale(0.7) translate(-16 -16)">${MARK}</g>`
		: MARK;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">${tile}${mark}</svg>`;
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage();
for (const { file, size, maskable } of icons) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}</style>${svg(size, maskable)}`
	);
	await page.locator('svg').screenshot({ path: file, omitBackground: true });
	console.log(file);
}
await browser.close();
