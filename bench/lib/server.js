// Starts the production build on a port with a given database, and stops it.
import { spawn } from 'node:child_process';

export async function startServer({ port, dbFile, env = {} }) {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: `file:${dbFile}`,
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		try {
			const res = await fetch(origin + '/');
			if (res.ok) return { origin, child, stop: () => stopChild(child) };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill('SIGKILL');
	throw new Error('the server did not start within 30 s');
}

function stopChild(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}
