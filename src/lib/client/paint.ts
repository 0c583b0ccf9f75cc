/**
 * Resolves once the next frame has been painted: a timer queued from a frame callback runs
 * after that frame's rendering. Lets work that can wait stay out of the frame after a tap.
 */
export function afterPaint(): Promise<void> {
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
