import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawLearner } from './learner';
import { policyPlan, type PolicyName } from './policy';
import { Random } from './random';
import { simulate, type TraceEvent } from './run';
import { DEFAULT_VARIANTS, runLearners, runRole } from './simulation';
import { smallWorld } from './sim-fixtures';

const world = smallWorld();
const POLICIES: PolicyName[] = ['gapwise', 'naive', 'prerequisites'];

function traced(
	seed: number,
	policy: PolicyName,
	credit: boolean,
	transfer: number,
	minutesPerDay?: number,
	peak: number | null = null
) {
	const drawn = drawLearner(Random.derive(seed, 1), 0, world.required);
	// Tight budgets are where a careless policy would overrun.
	const learner = { ...drawn, minutesPerDay: minutesPerDay ?? drawn.minutesPerDay };
	const events: TraceEvent[] = [];
	const result = simulate(world, learner, policyPlan(policy, world, learner), new Random(seed), {
		horizon: 60,
		measureEvery: 7,
		credit,
		transfer,
		peak: peak === null ? null : { day: 40, level: peak },
		dateDay: 40,
		trace: (e) => events.push(e)
	});
	return { events, result };
}

const runArb = fc.record({
	seed: fc.integer({ min: 0, max: 2 ** 31 }),
	policy: fc.constantFrom(...POLICIES),
	credit: fc.boolean(),
	transfer: fc.constantFrom(0, 0.25, 0.5),
	minutes: fc.integer({ min: 1, max: 20 }),
	peak: fc.constantFrom(null, 0.9, 0.95)
});

describe('simulate', () => {
	it('gives the same results for the same seed, and different ones for another', () => {
		const config = {
			seed: 7,
			learners: 6,
			horizon: 60,
			measureEvery: 7,
			dateDay: 40,
			variants: DEFAULT_VARIANTS
		};
		const a = runRole(world, config);
		expect(runRole(world, config)).toEqual(a);
		expect(runRole(world, { ...config, seed: 8 })).not.toEqual(a);
	});

	it('gives the same results when the learners are run in slices (as the worker threads do)', () => {
		const config = {
			seed: 5,
			learners: 5,
			horizon: 40,
			measureEvery: 7,
			dateDay: 30,
			variants: DEFAULT_VARIANTS
		};
		const whole = runLearners(world, config);
		const sliced = [runLearners(world, config, 0, 2), runLearners(world, config, 2, 5)];
		expect(DEFAULT_VARIANTS.map((_, v) => sliced.flatMap((s) => s[v]!))).toEqual(whole);
	});

	it("never lets the policy's own choices (new cards, reading) pass the day's budget", () => {
		fc.assert(
			fc.property(runArb, ({ seed, policy, credit, transfer, minutes, peak }) => {
				const { events } = traced(seed, policy, credit, transfer, minutes, peak);
				for (const e of events.filter((x) => x.kind === 'day')) {
					const room = Math.max(0, e.budgetSeconds! - e.reviewSeconds!);
					expect(e.chosenSeconds!).toBeLessThanOrEqual(room + 1e-9);
				}
			}),
			{ numRuns: 40 }
		);
	});

	it('never reviews a card before it exists, and introduces each card once', () => {
		fc.assert(
			fc.property(runArb, ({ seed, policy, credit, transfer, peak }) => {
				const { events } = traced(seed, policy, credit, transfer, undefined, peak);
				const born = new Map<string, number>();
				for (const e of events) {
					if (e.kind === 'new') {
						expect(born.has(e.cardId!)).toBe(false);
						born.set(e.cardId!, e.day);
					} else if (e.kind === 'review') {
						expect(born.get(e.cardId!)).toBeLessThan(e.day);
					}
				}
			}),
			{ numRuns: 40 }
		);
	});

	it('studies cards and makes progress toward the target', () => {
		const { events, result } = traced(3, 'gapwise', false, 0);
		expect(events.some((e) => e.kind === 'review')).toBe(true);
		expect(result.cardsStudied).toBeGreaterThan(0);
		expect(result.snapshots.at(-1)!.readiness).toBeGreaterThan(
			result.snapshots[0]!.readiness - 1e-9
		);
	});
});
