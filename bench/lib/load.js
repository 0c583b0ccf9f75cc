// A small closed-loop load generator: `concurrency` clients, each sending its next request as
// soon as the previous one answers, for `seconds`. Records every latency, so percentiles are exact.
import http from 'node:http';

export async function closedLoop({ origin, concurrency, seconds, makeRequest }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const url = new URL(origin);
	const latencies = [];
	let errors = 0;
	let non2xx = 0;
	const end = performance.now() + seconds * 1000;

	const send = (req) =>
		new Promise((resolve) => {
			const started = performance.now();
			const r = http.request(
				{
					host: url.hostname,
					port: url.port,
					path: req.path,
					method: req.method,
					headers: req.headers,
					agent
				},
				(res) => {
					res.resume();
					res.on('end', () => {
						latencies.push(performance.now() - started);
						if (res.statusCode < 200 || res.statusCode >= 300) non2xx += 1;
						resolve();
					});
				}
			);
			r.on('error', () => {
				errors += 1;
				resolve();
			});
			r.end(req.body);
		});

	const client = async (clientIndex) => {
		let n = 0;
		while (performance.now() < end) await send(makeRequest(clientIndex, n++));
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
	const elapsed = (performance.now() - started) / 1000;
	agent.destroy();
	return { latencies, requests: latencies.length, rps: latencies.length / elapsed, errors, non2xx };
}
