// The planner on the real content: every role plans, and planning stays fast.
import { describe, expect, it } from 'vitest';
import { getDeckSource, getGraph } from '$lib/server/content';
import { planStudy } from '$lib/core/plan/planner';
import { benchPlan, roleInput } from '$lib/core/plan/bench';

describe('planning the real graph', () => {
	it('plans every role from scratch: every step once, prerequisites first, with cards and reasons', () => {
		const graph = getGraph();
		for (const role of graph.roles) {
			// From scratch, a staff role is thousands of hours: at 45 minutes a day it passes the
			// ten-year horizon, so a full-time learner's 2 hours a day is the budget here.
			const input = roleInput(graph, getDeckSource(), role.id);
			const plan = planStudy({ ...input, budget: { ...input.budget, minutesPerDay: 120 } });
			expect(plan.unscheduled, role.id).toEqual([]);
			const end = new Map(plan.items.map((i) => [i.key, i.end!]));
			for (const item of plan.items) {
				for (const a of item.after)
					expect(end.get(a)! <= item.start!, `${role.id} ${item.key}`).toBe(true);
				expect(item.reason.length).toBeGreaterThan(20);
			}
			expect(plan.items.filter((i) => i.cardIds.length > 0).length).toBeGreaterThan(
				plan.items.length / 2
			);
		}
	});

	it('plans the largest role in under 20 ms', () => {
		const result = benchPlan({
			graph: getGraph(),
			deck: getDeckSource(),
			clock: () => performance.now(),
			runs: 50
		});
		console.log(`benchPlan: ${JSON.stringify(result)}`);
		expect(result.steps).toBeGreaterThan(50);
		// The fastest run: the machine's load cannot make it fail spuriously, a slow planner can.
		expect(result.minMs).toBeLessThan(20);
	});
});
