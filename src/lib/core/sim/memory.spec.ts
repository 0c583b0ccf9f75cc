import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FSRSAlgorithm, default_w, forgetting_curve, generatorParameters } from 'ts-fsrs';
import { drawParameters } from './learner';
import { DayModel } from './memory';
import { Random } from './random';
import type { Rating } from '../scheduling/scheduler';

describe('DayModel', () => {
	it("gives bit for bit what ts-fsrs's own algorithm gives (its speed-ups change no result)", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 2 ** 31 }),
				fc.array(
					fc.record({
						gap: fc.integer({ min: 0, max: 400 }),
						rating: fc.constantFrom<Rating>(1, 2, 3, 4)
					}),
					{ minLength: 1, maxLength: 12 }
				),
				fc.constantFrom(0.8, 0.9, 0.95),
				(seed, reviews, retention) => {
					const w = seed % 3 === 0 ? [...default_w] : drawParameters(new Random(seed));
					const model = new DayModel(w, retention);
					const reference = new FSRSAlgorithm(
						generatorParameters({ w, request_retention: retention, enable_fuzz: false })
					);
					let memory = model.review(null, 0, reviews[0]!.rating);
					let state = reference.next_state(null, 0, reviews[0]!.rating);
					expect([memory.stability, memory.difficulty]).toEqual([
						state.stability,
						state.difficulty
					]);
					let day = 0;
					for (const { gap, rating } of reviews.slice(1)) {
						day += gap;
						expect(model.retrievability(memory, day)).toBe(
							forgetting_curve(reference.parameters.w, gap, memory.stability)
						);
						memory = model.review(memory, day, rating);
						state = reference.next_state(state, gap, rating);
						expect([memory.stability, memory.difficulty]).toEqual([
							state.stability,
							state.difficulty
						]);
						expect(model.interval(memory)).toBe(
							Math.max(1, reference.next_interval(state.stability, 0))
						);
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});
