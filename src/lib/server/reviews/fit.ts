// Fitting personal FSRS parameters with the optimiser from fsrs-rs
// (@open-spaced-repetition/binding), in a worker thread: the fit is CPU work and must not
// hold up requests. The worker is plain CommonJS evaluated from a string, so it runs the same
// under Vite, vitest and the adapter-node build (which has no separate worker file to load).
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { TrainingItem } from '$lib/core/scheduling';

export interface FitResult {
	params: number[];
	before: { logLoss: number; rmse: number };
	after: { logLoss: number; rmse: number };
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const b = require(workerData.bindingPath);
const items = () => workerData.items.map((reviews) =>
	new b.FSRSBindingItem(reviews.map((r) => new b.FSRSBindingReview(r.rating, r.deltaT))));
const score = (params) => {
	const e = new b.FSRSBinding(params).evaluate(items());
	return { logLoss: e.logLoss, rmse: e.rmseBins };
};
(async () => {
	const before = score(workerData.current);
	// timeout is the progress interval, and the call waits at least that long: keep it small.
	const params = await b.computeParameters(items(), {
		enableShortTerm: true,
		numRelearningSteps: workerData.numRelearningSteps,
		timeout: 10
	});
	parentPort.postMessage({ params: Array.from(params), before, after: score(params) });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

/** Fails after this long: a fit of tens of thousands of reviews takes well under a second. */
const FIT_TIMEOUT_MS = 120_000;

export function fitParameters(
	items: TrainingItem[],
	current: readonly number[],
	numRelearningSteps: number
): Promise<FitResult> {
	const bindingPath = createRequire(import.meta.url).resolve('@open-spaced-repetition/binding');
	return new Promise((resolve, reject) => {
		const worker = new Worker(WORKER, {
			eval: true,
			workerData: { bindingPath, items, current: [...current], numRelearningSteps }
		});
		const timer = setTimeout(() => {
			void worker.terminate();
			reject(new Error('The fit took too long.'));
		}, FIT_TIMEOUT_MS);
		worker.once('message', (message: FitResult | { error: string }) => {
			clearTimeout(timer);
			void worker.terminate();
			if ('error' in message) reject(new Error(message.error));
			else resolve(message);
		});
		worker.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}
