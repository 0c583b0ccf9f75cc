import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db/client';
import {
	confirmImport,
	countPersonalCards,
	createCardSchema,
	createPersonalCard,
	deletePersonalCard,
	exportCards,
	getPersonalCard,
	listPersonalCards,
	patchCardSchema,
	previewImport,
	toRenderedCard,
	updatePersonalCard,
	type PersonalCard
} from '$lib/server/cards';
import type { CardDraft } from '$lib/core/cards';
import { newCardsForToday } from '$lib/server/reviews/new-cards';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const T0 = new Date('2026-02-01T09:00:00Z');
const T1 = new Date('2026-02-02T09:00:00Z');

const draft = (over: Partial<CardDraft> = {}): CardDraft => ({
	skillId: 'docker',
	level: 2,
	front: 'Why copy requirements.txt before the source in a Dockerfile?',
	back: 'So the dependency layer stays cached when only the code changes.',
	tags: ['layers'],
	...over
});

async function create(db: Database, userId: string, over: Partial<CardDraft> = {}, now = T0) {
	const result = await createPersonalCard(db, userId, draft(over), now);
	if (!result.ok) throw new Error(result.reason);
	return result.card;
}

/** A schedule row as the review service would write it. */
async function schedule(
	db: Database,
	userId: string,
	card: { id: string; skillId: string; level: number }
) {
	await db.insert(table.cardState).values({
		userId,
		cardId: card.id,
		skillId: card.skillId,
		level: card.level,
		due: T1,
		stability: 3.2,
		difficulty: 5.1,
		elapsedDays: 1,
		scheduledDays: 3,
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state: 2,
		lastReview: T0
	});
}

async function stateOf(db: Database, userId: string, cardId: string) {
	const [row] = await db
		.select()
		.from(table.cardState)
		.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, cardId)));
	return row;
}

const essence = (cards: PersonalCard[]) =>
	cards
		.map(({ skillId, level, front, back, tags }) => ({ skillId, level, front, back, tags }))
		.sort((a, b) => a.front.localeCompare(b.front));

describe('create, edit, delete', () => {
	it('creates a card with a pc_ id that lists, renders and is new to the queue', async () => {
		const a = await makeUser(t.db);
		const card = await create(t.db, a.id, {
			front: 'What does `EXPOSE` do?',
			back: 'Documents a port; it publishes nothing.'
		});
		expect(card.id).toMatch(/^pc_[0-9a-f-]{36}$/);
		expect(await getPersonalCard(t.db, a.id, card.id)).toEqual(card);
		expect(await listPersonalCards(t.db, a.id, { onlyNew: true })).toEqual([card]);
		const rendered = await toRenderedCard(card);
		expect(rendered).toMatchObject({ id: card.id, kind: 'qa', personal: true, source: null });
		expect(rendered.frontHtml).toBe('<p>What does <code>EXPOSE</code> do?</p>\n');
	});

	it('escapes raw HTML instead of passing it through', async () => {
		const a = await makeUser(t.db);
		const card = await create(t.db, a.id, {
			front: '<script>alert(1)</script> <img src=x onerror=alert(1)>'
		});
		const { frontHtml } = await toRenderedCard(card);
		expect(frontHtml).not.toContain('<script');
		expect(frontHtml).not.toContain('<img');
		expect(frontHtml).toContain('&lt;script&gt;');
	});

	it('refuses a second card with the same front and back (normalised)', async () => {
		const a = await makeUser(t.db);
		const first = await create(t.db, a.id);
		const again = await createPersonalCard(
			t.db,
			a.id,
			draft({ front: draft().front.toUpperCase(), back: `  ${draft().back}  ` }),
			T1
		);
		expect(again).toEqual({ ok: false, reason: 'duplicate', existingId: first.id });
		expect(await countPersonalCards(t.db, a.id)).toBe(1);
	});

	it('edits in place: same id, the schedule survives and follows a new skill and level', async () => {
		const a = await makeUser(t.db);
		const card = await create(t.db, a.id);
		await schedule(t.db, a.id, card);
		const before = await stateOf(t.db, a.id, card.id);

		const edited = await updatePersonalCard(
			t.db,
			a.id,
			card.id,
			{ back: 'Layer caching.', skillId: 'python', level: 3 },
			T1
		);
		expect(edited).toEqual({
			ok: true,
			card: { ...card, back: 'Layer caching.', skillId: 'python', level: 3, updatedAt: T1 }
		});
		expect(await getPersonalCard(t.db, a.id, card.id)).toEqual(edited.ok && edited.card);
		expect(await stateOf(t.db, a.id, card.id)).toEqual({ ...before, skillId: 'python', level: 3 });
		expect(await listPersonalCards(t.db, a.id, { onlyNew: true })).toEqual([]);
	});

	it('refuses an edit that would duplicate another card', async () => {
		const a = await makeUser(t.db);
		const one = await create(t.db, a.id, { front: 'One' });
		const two = await create(t.db, a.id, { front: 'Two' });
		expect(await updatePersonalCard(t.db, a.id, two.id, { front: 'one' }, T1)).toEqual({
			ok: false,
			reason: 'duplicate',
			existingId: one.id
		});
		expect((await getPersonalCard(t.db, a.id, two.id))?.front).toBe('Two');
	});

	it('deletes the card and its schedule, and only once', async () => {
		const a = await makeUser(t.db);
		const card = await create(t.db, a.id);
		await schedule(t.db, a.id, card);
		expect(await deletePersonalCard(t.db, a.id, card.id)).toBe(true);
		expect(await getPersonalCard(t.db, a.id, card.id)).toBeUndefined();
		expect(await stateOf(t.db, a.id, card.id)).toBeUndefined();
		expect(await deletePersonalCard(t.db, a.id, card.id)).toBe(false);
	});
});

describe('review queue', () => {
	it('offers a card written today as a new card today, and no longer once scheduled', async () => {
		const a = await makeUser(t.db);
		const card = await create(t.db, a.id, {}, T0);
		const later = new Date(T0.getTime() + 60_000);
		const today = await newCardsForToday(t.db, a.id, later);
		expect(today.cards).toContainEqual({
			id: card.id,
			skillId: 'docker',
			level: 2,
			personal: true
		});
		await schedule(t.db, a.id, card);
		expect((await newCardsForToday(t.db, a.id, later)).cards.map((c) => c.id)).not.toContain(
			card.id
		);
	});
});

describe('scoping', () => {
	it('learner B finds, edits and deletes nothing of A’s, and A’s card is unchanged', async () => {
		const a = await makeUser(t.db);
		const b = await makeUser(t.db);
		const card = await create(t.db, a.id);
		await schedule(t.db, a.id, card);

		expect(await getPersonalCard(t.db, b.id, card.id)).toBeUndefined();
		expect(await listPersonalCards(t.db, b.id)).toEqual([]);
		expect(await countPersonalCards(t.db, b.id)).toBe(0);
		expect(await updatePersonalCard(t.db, b.id, card.id, { front: 'hijacked' }, T1)).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(await deletePersonalCard(t.db, b.id, card.id)).toBe(false);

		expect(await getPersonalCard(t.db, a.id, card.id)).toEqual(card);
		expect(await stateOf(t.db, a.id, card.id)).toBeDefined();
		// B may write the same text: duplicates are per learner.
		expect((await createPersonalCard(t.db, b.id, draft(), T0)).ok).toBe(true);
		const exported = await exportCards(t.db, b.id, 'json', T1);
		expect(JSON.parse(exported.body).personalCards).toHaveLength(1);
		expect(exported.body).not.toContain(card.id);
	});
});

describe('list', () => {
	it('searches front, back and tags, filters by skill, pages newest first', async () => {
		const a = await makeUser(t.db);
		const c1 = await create(
			t.db,
			a.id,
			{ front: 'Dockerfile layer cache', tags: [] },
			new Date('2026-01-01T00:00:00Z')
		);
		const c2 = await create(
			t.db,
			a.id,
			{
				skillId: 'sql',
				front: 'What does a LEFT JOIN keep?',
				back: 'All rows of the left table.',
				tags: ['joins']
			},
			new Date('2026-01-02T00:00:00Z')
		);
		const c3 = await create(
			t.db,
			a.id,
			{ skillId: 'sql', front: '100% of rows?', back: 'Use COUNT(*).', tags: [] },
			new Date('2026-01-03T00:00:00Z')
		);

		expect(await listPersonalCards(t.db, a.id)).toEqual([c3, c2, c1]);
		expect(await listPersonalCards(t.db, a.id, { order: 'oldest', limit: 2 })).toEqual([c1, c2]);
		expect(await listPersonalCards(t.db, a.id, { limit: 2, offset: 2 })).toEqual([c1]);
		expect(await listPersonalCards(t.db, a.id, { skillId: 'sql' })).toEqual([c3, c2]);
		expect(await listPersonalCards(t.db, a.id, { search: 'left table' })).toEqual([c2]);
		expect(await listPersonalCards(t.db, a.id, { search: 'JOINS' })).toEqual([c2]);
		expect(await listPersonalCards(t.db, a.id, { search: 'layer', skillId: 'sql' })).toEqual([]);
		// LIKE wildcards in the query are taken literally.
		expect(await listPersonalCards(t.db, a.id, { search: '100%' })).toEqual([c3]);
		expect(await listPersonalCards(t.db, a.id, { search: '_' })).toEqual([]);
		expect(await countPersonalCards(t.db, a.id, { skillId: 'sql' })).toBe(2);
	});
});

describe('validation (the schema the forms and the API share)', () => {
	it('names each bad field', () => {
		const result = v.safeParse(createCardSchema, {
			skillId: 'rust',
			level: 7,
			front: ' ',
			back: 'x'.repeat(4001),
			tags: ['a b', 'skill::docker']
		});
		expect(result.success).toBe(false);
		const messages = Object.fromEntries(
			(result.issues ?? []).map((i) => [v.getDotPath(i), i.message])
		);
		expect(messages).toEqual({
			skillId: 'Unknown skill “rust”.',
			level: 'Choose a level from 1 to 4.',
			front: 'The front is empty.',
			back: 'The back is longer than 4,000 characters.',
			'tags.0': 'A tag cannot contain spaces.',
			'tags.1': 'Tags starting with skill::, level:: or builtin:: are reserved.'
		});
		// Stored text reads back as sent: NUL and other control characters are refused by name.
		const nul = v.safeParse(createCardSchema, {
			skillId: 'docker',
			level: 1,
			front: 'a\u0000b',
			back: 'tab\tand\r\nnewline are fine',
			tags: ['bell\u0007']
		});
		expect(nul.issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([
			[
				'front',
				'The front contains the control character U+0000; only tab and newline are allowed.'
			],
			['tags.0', 'A tag contains the control character U+0007; only tab and newline are allowed.']
		]);
		expect(v.safeParse(patchCardSchema, {}).success).toBe(false);
		expect(v.safeParse(patchCardSchema, { level: 4 }).output).toEqual({ level: 4 });
	});
});

const ANKI_FILE = [
	'#separator:tab',
	'#html:true',
	'#tags column:3',
	'What is a <b>container image</b>?\tA read-only template of layers.\tbasics',
	'Which flag runs a container in the background?\t<code>-d</code> (detached).\t',
	'\tA back without a front\t',
	'What does <code>docker ps</code> list?\tRunning containers.\tskill::nope'
].join('\n');

describe('import', () => {
	it('previews without writing anything, with per-line reasons', async () => {
		const a = await makeUser(t.db);
		const result = await previewImport(t.db, a.id, ANKI_FILE, { skillId: 'docker', level: 1 });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.preview.counts).toEqual({
			new: 2,
			update: 0,
			exists: 0,
			duplicate: 0,
			builtin: 0,
			error: 2
		});
		expect(
			result.preview.rows.filter((r) => r.status === 'error').map((r) => [r.line, r.reason])
		).toEqual([
			[6, 'The front is empty.'],
			[7, 'Unknown skill “nope”.']
		]);
		expect(await countPersonalCards(t.db, a.id)).toBe(0);
	});

	it('imports the good lines once; the same file again adds nothing', async () => {
		const a = await makeUser(t.db);
		const first = await confirmImport(t.db, a.id, ANKI_FILE, { skillId: 'docker', level: 1 }, T0);
		expect(first).toMatchObject({ ok: true, created: 2, skipped: 2 });
		const cards = await listPersonalCards(t.db, a.id, { order: 'oldest' });
		expect(essence(cards)).toEqual([
			{
				skillId: 'docker',
				level: 1,
				front: 'What is a **container image**?',
				back: 'A read-only template of layers.',
				tags: ['basics']
			},
			{
				skillId: 'docker',
				level: 1,
				front: 'Which flag runs a container in the background?',
				back: '`-d` (detached).',
				tags: []
			}
		]);
		const second = await confirmImport(t.db, a.id, ANKI_FILE, { skillId: 'docker', level: 1 }, T1);
		expect(second).toMatchObject({ ok: true, created: 0, skipped: 4 });
		expect(second.ok && second.preview.counts.exists).toBe(2);
		expect(await countPersonalCards(t.db, a.id)).toBe(2);
	});

	it('refuses a line with a control character, naming it, and imports the rest', async () => {
		const a = await makeUser(t.db);
		const text = 'ok front\tok back\nNUL \u0000 front\tback\n';
		const result = await previewImport(t.db, a.id, text, { skillId: 'docker', level: 1 });
		expect(result.ok && result.preview.rows.map((r) => [r.status, r.reason])).toEqual([
			['new', undefined],
			[
				'error',
				'The front contains the control character U+0000; only tab and newline are allowed.'
			]
		]);
	});

	it('refuses text over the limits without writing', async () => {
		const a = await makeUser(t.db);
		const many = 'front\tback\tskill::docker level::1\n'.repeat(2001);
		expect(await confirmImport(t.db, a.id, many, {}, T0)).toEqual({
			ok: false,
			message: 'The text has more than 2,000 cards; split it into smaller files.'
		});
		expect(await previewImport(t.db, a.id, '\n\n# only comments\n', {})).toEqual({
			ok: false,
			message: 'No cards found: paste lines of front, separator, back.'
		});
		expect(await countPersonalCards(t.db, a.id)).toBe(0);
	});
});

describe('Anki exports with note ids and types', () => {
	const ankiExport = (basicBack: string) =>
		[
			'#separator:tab',
			'#html:true',
			'#guid column:1',
			'#notetype column:2',
			'#deck column:3',
			'#tags column:6',
			`b{2a[Y\`v.Q\tBasic\tMLOps\tWhat does <b>drift</b> mean?\t${basicBack}\tskill::docker`,
			'Hc$3/Kz(1+\tCloze\tMLOps\tKL divergence is {{c1::not symmetric}}.\t\tskill::docker'
		].join('\n');

	it('imports cloze notes as cloze cards and updates, not duplicates, on a re-import', async () => {
		const a = await makeUser(t.db);
		const first = await confirmImport(
			t.db,
			a.id,
			ankiExport('The data changes.'),
			{ level: 2 },
			T0
		);
		expect(first).toMatchObject({ ok: true, created: 2, updated: 0 });
		const cards = await listPersonalCards(t.db, a.id, { order: 'oldest' });
		const cloze = cards.find((c) => c.kind === 'cloze')!;
		expect(cloze).toMatchObject({ front: 'KL divergence is {{not symmetric}}.', back: '' });
		const rendered = await toRenderedCard(cloze);
		expect(rendered.kind).toBe('cloze');
		expect(rendered.frontHtml).toContain('cloze-blank');
		expect(rendered.backHtml).toContain('<mark class="cloze-answer">not symmetric</mark>');

		const basic = cards.find((c) => c.kind === 'qa')!;
		await schedule(t.db, a.id, basic);
		const same = await confirmImport(t.db, a.id, ankiExport('The data changes.'), { level: 2 }, T1);
		expect(same).toMatchObject({ ok: true, created: 0, updated: 0, skipped: 2 });

		// Edited in Anki and exported again: the same card changes, its schedule is kept.
		const edited = await confirmImport(
			t.db,
			a.id,
			ankiExport('Inputs or labels shift.'),
			{ level: 2 },
			T1
		);
		expect(edited).toMatchObject({ ok: true, created: 0, updated: 1 });
		const after = await listPersonalCards(t.db, a.id, { order: 'oldest' });
		expect(after.map((c) => c.id).sort()).toEqual(cards.map((c) => c.id).sort());
		expect(after.find((c) => c.id === basic.id)?.back).toBe('Inputs or labels shift.');
		expect(await stateOf(t.db, a.id, basic.id)).toMatchObject({ reps: 2, stability: 3.2 });
	});
});

describe('export', () => {
	it('includes the built-in cards the learner studies, marked so re-import skips them', async () => {
		const a = await makeUser(t.db);
		await create(t.db, a.id);
		await schedule(t.db, a.id, { id: 'docker-001', skillId: 'docker', level: 1 });
		const tsv = await exportCards(t.db, a.id, 'tsv', T1);
		expect(tsv.filename).toBe('gapwise-cards-2026-02-02.tsv');
		expect(tsv.contentType).toBe('text/tab-separated-values; charset=utf-8');
		expect(tsv.body.startsWith('#separator:tab\n#html:true\n#tags column:3\n')).toBe(true);
		expect(tsv.body).toContain('builtin::docker-001');
		const json = JSON.parse((await exportCards(t.db, a.id, 'json', T1)).body);
		expect(json.builtinCards.map((c: { id: string }) => c.id)).toEqual(['docker-001']);
		expect(json.builtinCards[0].frontHtml).toContain('<p>');
		const csv = await exportCards(t.db, a.id, 'csv', T1);
		expect(csv.body.startsWith('#separator:comma\n')).toBe(true);
	});

	for (const format of ['tsv', 'csv'] as const) {
		it(`round-trips through ${format}: nothing new in the same account, the same cards in a fresh one`, async () => {
			const a = await makeUser(t.db);
			await create(t.db, a.id, {
				front: 'Line one\nline two, "quoted"; done',
				back: '```python\nprint("a\tb")\n```',
				tags: ['x', 'y']
			});
			await create(t.db, a.id, {
				skillId: 'sql',
				level: 4,
				front: '# not a comment',
				back: '<b>literal</b> & more',
				tags: []
			});
			// A shared deck must not run formulas in a spreadsheet (OWASP CSV injection).
			await create(t.db, a.id, {
				front: '=HYPERLINK("http://evil.example","click")',
				back: '-1+2',
				tags: ['@x']
			});
			await schedule(t.db, a.id, { id: 'docker-001', skillId: 'docker', level: 1 });
			const { body } = await exportCards(t.db, a.id, format, T1);
			expect(body).not.toMatch(/^=|[\t,]=HYPERLINK/m);
			expect(body).toContain(`"'=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)"`);

			const again = await confirmImport(t.db, a.id, body, {}, T1);
			expect(again).toMatchObject({ ok: true, created: 0 });
			expect(await countPersonalCards(t.db, a.id)).toBe(3);

			const fresh = await makeUser(t.db);
			expect(await confirmImport(t.db, fresh.id, body, {}, T1)).toMatchObject({
				ok: true,
				created: 3,
				skipped: 1
			});
			expect(essence(await listPersonalCards(t.db, fresh.id))).toEqual(
				essence(await listPersonalCards(t.db, a.id))
			);
		});
	}
});
