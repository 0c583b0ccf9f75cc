import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const COOKIE = 'gapwise-session';

export interface AppProcess {
	origin: string;
	child: ChildProcess;
	kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A fresh folder for one test's database file. */
export function tempDbFile() {
	return path.join(mkdtempSync(path.join(tmpdir(), 'gapwise-server-')), 'app.db');
}

/**
 * Starts the production build as its own process, on its own port and database file. `entry`
 * `scripts/start.js` runs it as `npm start` does; `env` can set a public ORIGIN other than the
 * local address the tests talk to.
 */
export async function startApp(
	port: number,
	dbFile: string,
	options: { entry?: string; env?: Record<string, string> } = {}
): Promise<AppProcess> {
	if (!existsSync('build/index.js'))
		throw new Error('No production build: run `npm run build` first.');
	const origin = `http://localhost:${port}`;
	// Another process on the port would answer the readiness poll below and take this test's
	// requests (without this test's environment): refuse to start rather than test the wrong app.
	if (await answers(origin)) throw new Error(`Port ${port} is already in use.`);
	const child = spawn(process.execPath, [options.entry ?? 'build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: `file:${dbFile}`,
			...options.env
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (d: Buffer) => {
		stderr += d.toString();
		if (process.env.DEBUG_APP) process.stderr.write(d);
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the app exited: ${stderr}`);
		try {
			if ((await fetch(origin + '/')).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`the app did not start: ${stderr}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		origin,
		child,
		async kill(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}

async function answers(origin: string): Promise<boolean> {
	try {
		await fetch(origin + '/', { signal: AbortSignal.timeout(1_000) });
		return true;
	} catch {
		return false;
	}
}

/** Registers a learner through the real form and returns their session token. */
export async function registerLearner(origin: string, username: string) {
	const res = await fetch(origin + '/register', {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password: 'correct horse battery staple' })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
	const token = cookie?.split(';')[0]?.split('=')[1];
	if (res.status !== 303 || !token) throw new Error(`registration failed: ${res.status}`);
	return token;
}

export function api(origin: string, token: string) {
	return async (method: string, pathname: string, body?: unknown) => {
		const res = await fetch(origin + pathname, {
			method,
			headers: {
				origin,
				cookie: `${COOKIE}=${token}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await res.text();
		let json: unknown = undefined;
		try {
			json = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: res.status, json: json as Record<string, unknown> | undefined, text };
	};
}
