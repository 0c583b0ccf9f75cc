// Memory at the resolution of a day, on ts-fsrs's FSRS-6 model. The same model serves two
// roles: a learner's *true* memory (their own drawn parameters) and the scheduler's *belief*
// (the app's default parameters and desired retention). Same-day learning steps are folded
// into the day, as FSRS's own simulator does.
import { FSRSAlgorithm, computeDecayFactor, generatorParameters, roundTo } from 'ts-fsrs';
import { creditedStability } from '../scheduling/credit';
import type { Rating } from '../scheduling/scheduler';

export interface DayMemory {
	stability: number;
	difficulty: number;
	/** Day of the last real review (credit never moves it). */
	lastDay: number;
}

export class DayModel {
	readonly w: readonly number[];
	private readonly algorithm: FSRSAlgorithm;
	private readonly decay: number;
	private readonly factor: number;

	constructor(w: readonly number[], desiredRetention = 0.9, maximumInterval = 36500) {
		const params = generatorParameters({
			w: [...w],
			request_retention: desiredRetention,
			maximum_interval: maximumInterval,
			enable_fuzz: false
		});
		this.algorithm = new FSRSAlgorithm(params);
		this.w = this.algorithm.parameters.w;
		({ decay: this.decay, factor: this.factor } = computeDecayFactor([...this.w]));
		// Speed, same arithmetic: ts-fsrs keeps its parameters behind a Proxy (so that changing them
		// recomputes what depends on them) and works out the forgetting curve's constants on every
		// call. A simulated memory never changes its parameters, so its algorithm reads a plain
		// copy and uses the curve below; every result is bit for bit what ts-fsrs gives (memory.spec.ts).
		const internals = this.algorithm as unknown as {
			param: typeof params;
			forgetting_curve: (elapsed: number, stability: number) => number;
		};
		internals.param = { ...this.algorithm.parameters, w: [...this.w] };
		internals.forgetting_curve = (elapsed, stability) => this.curve(elapsed, stability);
	}

	private curve(elapsed: number, stability: number): number {
		return roundTo(Math.pow(1 + (this.factor * elapsed) / stability, this.decay), 8);
	}

	/** ts-fsrs's forgetting_curve, operation for operation, with its constants worked out once. */
	retrievability(memory: DayMemory, day: number): number {
		return this.curve(Math.max(0, day - memory.lastDay), memory.stability);
	}

	/** The memory after a review rated `rating` on `day` (`memory` null for first sight). */
	review(memory: DayMemory | null, day: number, rating: Rating): DayMemory {
		const elapsed = memory ? Math.max(0, day - memory.lastDay) : 0;
		const next = this.algorithm.next_state(memory, elapsed, rating);
		return { stability: next.stability, difficulty: next.difficulty, lastDay: day };
	}

	/** Whole days from the last review to the next, at the desired retention. */
	interval(memory: DayMemory): number {
		return Math.max(1, this.algorithm.next_interval(memory.stability, 0));
	}

	/** A discounted review on `day` (credit.ts's formula): stability only. */
	credit(memory: DayMemory, day: number, fraction: number): DayMemory {
		const good = this.review(memory, day, 3).stability;
		return { ...memory, stability: creditedStability(memory.stability, good, fraction) };
	}
}
