// The skills pages' server side: the learner's level, the graph JSON and the explorer data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { assessment } from '$lib/server/db/schema';
import { getGraph } from '$lib/server/content';
import { latestLevel } from '$lib/server/assessments';
import {
	graphDocument,
	graphResponseBody,
	matchesEtag
} from '../../src/routes/api/graph/graph-json';
import { getExplorer } from '../../src/routes/skills/explorer.server';
import {
	getGraphLayout,
	reducedEdges,
	wrapLabel
} from '../../src/routes/skills/graph-layout.server';

describe('latestLevel', () => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await createTestDatabase();
	});
	afterAll(() => t.close());

	it('is the latest rating of that skill by that learner, or null', async () => {
		const me = await makeUser(t.db);
		const other = await makeUser(t.db);
		const at = (iso: string) => new Date(iso);
		await t.db.insert(assessment).values([
			{
				id: 'a1',
				userId: me.id,
				skillId: 'docker',
				level: 1,
				source: 'self',
				createdAt: at('2026-03-01T10:00:00Z')
			},
			{
				id: 'a2',
				userId: me.id,
				skillId: 'docker',
				level: 3,
				source: 'self',
				createdAt: at('2026-03-05T10:00:00Z')
			},
			{
				id: 'a3',
				userId: me.id,
				skillId: 'docker',
				level: 2,
				source: 'plan',
				createdAt: at('2026-03-03T10:00:00Z')
			},
			{
				id: 'a4',
				userId: other.id,
				skillId: 'python',
				level: 4,
				source: 'self',
				createdAt: at('2026-03-05T10:00:00Z')
			}
		]);
		expect(await latestLevel(t.db, me.id, 'docker')).toBe(3);
		expect(await latestLevel(t.db, me.id, 'python')).toBeNull();
		expect(await latestLevel(t.db, other.id, 'docker')).toBeNull();
	});
});

describe('the graph JSON', () => {
	it('has the fields the issue names, for every skill and role', () => {
		const doc = graphDocument(getGraph());
		expect(doc.skills).toHaveLength(getGraph().skills.length);
		for (const skill of doc.skills) {
			expect(Object.keys(skill)).toEqual([
				'id',
				'name',
				'area',
				'summary',
				'prerequisites',
				'hours',
				'aliases',
				'levels',
				'resources'
			]);
			expect(Object.keys(skill.hours)).toEqual(['1', '2', '3', '4']);
			for (const p of skill.prerequisites)
				expect(Object.keys(p)).toEqual(['id', 'level', 'forLevel']);
		}
		for (const role of doc.roles) {
			for (const s of role.skills)
				expect(Object.keys(s)).toEqual(['id', 'level', 'importance', 'weight']);
		}
	});

	it('is serialised once, with a stable ETag that If-None-Match recognises', () => {
		const first = graphResponseBody(getGraph());
		expect(graphResponseBody(getGraph())).toBe(first);
		expect(JSON.parse(first.body)).toEqual(graphDocument(getGraph()));
		expect(matchesEtag(first.etag, first.etag)).toBe(true);
		expect(matchesEtag(`"other", W/${first.etag}`, first.etag)).toBe(true);
		expect(matchesEtag('"other"', first.etag)).toBe(false);
		expect(matchesEtag(null, first.etag)).toBe(false);
	});
});

describe('the explorer', () => {
	it('lists every skill once, foundations first within an area', () => {
		const areas = getExplorer(getGraph());
		const ids = areas.flatMap((a) => a.skills.map((s) => s.id));
		expect(ids.sort()).toEqual(
			getGraph()
				.skills.map((s) => s.id)
				.sort()
		);
		for (const area of areas) {
			const order = area.skills.map((s) => s.id);
			for (const skill of area.skills) {
				for (const need of skill.needs) {
					if (order.includes(need.id))
						expect(order.indexOf(need.id)).toBeLessThan(order.indexOf(skill.id));
				}
			}
		}
		const docker = areas.flatMap((a) => a.skills).find((s) => s.id === 'docker')!;
		expect(docker.needs).toContainEqual({ id: 'python', level: 2 });
		expect(docker.unlocks).toContain('kubernetes');
		expect(areas.find((a) => a.id === 'software')!.skills[0]!.id).toBe('python');
	});

	it('lays out every skill once, without overlapping nodes', () => {
		const layout = getGraphLayout(getGraph());
		expect(getGraphLayout(getGraph())).toBe(layout);
		expect(layout.nodes).toHaveLength(getGraph().skills.length);
		for (const [i, a] of layout.nodes.entries()) {
			expect(a.x).toBeGreaterThanOrEqual(0);
			expect(a.x + a.width).toBeLessThanOrEqual(layout.width + 1);
			for (const b of layout.nodes.slice(i + 1)) {
				const apart =
					a.x + a.width <= b.x ||
					b.x + b.width <= a.x ||
					a.y + a.height <= b.y ||
					b.y + b.height <= a.y;
				expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
			}
		}
	});

	it('draws only edges not implied by a longer chain', () => {
		const graph = {
			skills: [
				{ id: 'a', prerequisites: [] },
				{ id: 'b', prerequisites: [{ id: 'a', level: 1, forLevel: 1 }] },
				{
					id: 'c',
					prerequisites: [
						{ id: 'a', level: 2, forLevel: 1 },
						{ id: 'b', level: 1, forLevel: 1 }
					]
				}
			]
		};
		expect(reducedEdges(graph as never)).toEqual([
			{ from: 'a', to: 'b' },
			{ from: 'b', to: 'c' }
		]);
	});

	it('wraps long names into at most five short lines', () => {
		expect(wrapLabel('Kubernetes & Helm')).toEqual(['Kubernetes &', 'Helm']);
		expect(wrapLabel('Docker & containers')).toEqual(['Docker &', 'containers']);
		expect(wrapLabel('Linear algebra, probability & statistics for ML')).toEqual([
			'Linear',
			'algebra,',
			'probability &',
			'statistics for',
			'ML'
		]);
		// A word longer than a line is cut after its hyphen.
		expect(wrapLabel('Retrieval-augmented generation')).toEqual([
			'Retrieval-',
			'augmented',
			'generation'
		]);
		const many = wrapLabel(
			'one two three four five six seven eight nine ten eleven twelve thirteen'
		);
		expect(many).toHaveLength(5);
		expect(many[4]!.endsWith('…')).toBe(true);
	});
});
