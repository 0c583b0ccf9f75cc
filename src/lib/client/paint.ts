/**
 * Resolves once the next frame has been painted: a timer queued from a frame callback runs
 * after that frame's rendering. Lets work that can wait stay out of the frame after a tap.
 */
export function afterPaint(): Promise<void> {
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Like `afterPaint`, but resolves at once when the page is hidden first: a hidden page gets no
 * frames, and work that must not be lost (an outbox write) cannot wait for the learner to
 * come back to a tab the phone may discard.
 */
export function afterPaintOrHide(): Promise<void> {
	if (document.visibilityState === 'hidden') return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => {
			document.removeEventListener('visibilitychange', done);
			resolve();
		};
		document.addEventListener('visibilitychange', done);
		requestAnimationFrame(() => setTimeout(done, 0));
	});
}
