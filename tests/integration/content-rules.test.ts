// The rules the map and the deck must keep as they grow: a career ladder that never asks less
// higher up, no skill outside every role, enough senior-level cards, and sources that state
// their facts.
import { describe, expect, it } from 'vitest';
import { getDeckSource, getGraph } from '$lib/server/content';
import { isHomePage } from '$lib/server/content/sources';

const LADDER = ['junior-mle', 'mle-ii', 'senior-mle', 'staff-mle'];

describe('the role profiles', () => {
	it('never ask less of a skill on a higher rung of the career ladder', () => {
		const graph = getGraph();
		const drops: string[] = [];
		for (let rung = 1; rung < LADDER.length; rung++) {
			const lower = graph.roleById.get(LADDER[rung - 1]!)!;
			const higher = graph.roleById.get(LADDER[rung]!)!;
			for (const skill of lower.skills) {
				const above = higher.skills.find((s) => s.id === skill.id);
				if (!above || above.level < skill.level)
					drops.push(
						`${skill.id}: ${lower.id} asks ${skill.level}, ${higher.id} ${above?.level ?? 'nothing'}`
					);
			}
		}
		expect(drops).toEqual([]);
	});

	it('place every skill in at least one role', () => {
		const graph = getGraph();
		const used = new Set(graph.roles.flatMap((r) => r.skills.map((s) => s.id)));
		expect(graph.skills.map((s) => s.id).filter((id) => !used.has(id))).toEqual([]);
	});

	it('ask for the 2026 skills where the job does', () => {
		const graph = getGraph();
		const asks = (role: string, skill: string) =>
			graph.roleById.get(role)?.skills.find((s) => s.id === skill);
		expect(asks('llm-engineer', 'llm-agents')?.importance).toBe('must');
		expect(asks('llm-engineer', 'llm-security')?.importance).toBe('must');
		expect(asks('senior-mle', 'ml-system-design')?.importance).toBe('must');
		for (const llm of ['rag', 'llm-evaluation', 'prompt-engineering'])
			expect(asks('senior-mle', llm), llm).toBeDefined();
	});
});

describe('the built-in deck', () => {
	const active = getDeckSource().filter((c) => !c.retired);

	it('has at least 950 active cards, a fifth of them at level 4', () => {
		expect(active.length).toBeGreaterThanOrEqual(950);
		const level4 = active.filter((c) => c.level === 4).length;
		expect(level4 / active.length).toBeGreaterThanOrEqual(0.2);
	});

	it('gives every skill at least 14 cards, 2 of them at level 4', () => {
		const short: string[] = [];
		for (const skill of getGraph().skills) {
			const cards = active.filter((c) => c.skillId === skill.id);
			const level4 = cards.filter((c) => c.level === 4).length;
			if (cards.length < 14 || level4 < 2)
				short.push(`${skill.id}: ${cards.length} cards, ${level4} at level 4`);
		}
		expect(short).toEqual([]);
	});

	it('cites the page that states each fact, never a site’s home page', () => {
		const homePages = active.filter((c) => isHomePage(c.source)).map((c) => `${c.id} ${c.source}`);
		expect(homePages).toEqual([]);
	});
});
