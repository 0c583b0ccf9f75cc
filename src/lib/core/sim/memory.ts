// Memory at the resolution of a day, on ts-fsrs's FSRS-6 model. The same model serves two
// roles: a learner's *true* memory (their own drawn parameters) and the scheduler's *belief*
// (the app's default parameters and desired retention). Same-day learning steps are folded
// into the day, as FSRS's own simulator does.
import { FSRSAlgorithm, forgetting_curve, generatorParameters } from 'ts-fsrs';
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

	constructor(w: readonly number[], desiredRetention = 0.9, maximumInterval = 36500) {
		const params = generatorParameters({
			w: [...w],
			request_retention: desiredRetention,
			maximum_interval: maximumInterval,
			enable_fuzz: false
		});
		this.algorithm = new FSRSAlgorithm(params);
		this.w = this.algorithm.parameters.w;
	}

	retrievability(memory: DayMemory, day: number): number {
		return forgetting_curve(this.w, Math.max(0, day - memory.lastDay), memory.stability);
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
