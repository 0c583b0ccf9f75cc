// The reminder job as it runs in production: started by the init hook of two app processes on
// one database file, it sends a learner's reminder once, to the test receiver, encrypted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserKeys, decryptPush, startReceiver, type Receiver } from '../fixtures/push';
import { api, registerLearner, startApp, tempDbFile, type AppProcess } from './app-process';

let receiver: Receiver;
let apps: AppProcess[] = [];

beforeAll(async () => {
	receiver = await startReceiver();
	const dbFile = tempDbFile();
	// The job stays off under vitest unless asked, and the child inherits VITEST.
	const env = {
		PUSH_TEST_ORIGIN: receiver.origin,
		REMINDER_JOB: 'on',
		REMINDER_INTERVAL_MS: '300'
	};
	apps = [await startApp(4281, dbFile, { env }), await startApp(4282, dbFile, { env })];
});
afterAll(async () => {
	await Promise.all(apps.map((a) => a.kill()));
	await receiver.close();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('two app processes send one reminder between them', async () => {
	const [first, second] = apps as [AppProcess, AppProcess];
	const token = await registerLearner(first.origin, `remind${Date.now()}`);
	const call = api(first.origin, token);
	const card = await call('POST', '/api/cards', {
		skillId: 'docker',
		level: 1,
		front: 'What does a Dockerfile describe?',
		back: 'How to build an image.'
	});
	expect(card.status).toBe(201);

	// Due since a minute ago, in the learner's zone (UTC): the next run of either process sends.
	const now = new Date(Date.now() - 60_000);
	const time = now.toISOString().slice(11, 16);
	const form = new URLSearchParams({ time });
	for (const day of ['1', '2', '3', '4', '5', '6', '7']) form.append('days', day);
	const saved = await fetch(`${second.origin}/settings?/reminders`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: second.origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			cookie: `gapwise-session=${token}`,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: form
	});
	expect(saved.status).toBe(200);

	const keys = browserKeys();
	const subscribed = await call(
		'POST',
		'/api/push/subscriptions',
		keys.subscription(`${receiver.origin}/phone`)
	);
	expect(subscribed.status, subscribed.text).toBe(201);

	const deadline = Date.now() + 20_000;
	while (receiver.received.length === 0 && Date.now() < deadline) await wait(100);
	// Both processes keep running the job several times over; still one reminder.
	await wait(2_000);
	expect(receiver.received.map((r) => r.path)).toEqual(['/phone']);
	const payload = JSON.parse(decryptPush(receiver.received[0]!.body, keys)) as { body: string };
	expect(payload.body).toMatch(/^1 card · about \d+ min$/);
});
