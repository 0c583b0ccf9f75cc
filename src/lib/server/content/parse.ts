// Turns the content files (path → YAML text) into the typed graph and deck, or throws one
// ContentError listing every problem with its file and field. No file system access here:
// the app hands in Vite's bundled copies, the build check reads the disk, tests pass strings.
// Imports stay relative because vite.config.ts loads this module before $lib exists.
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import type { Area, DeckCard, Graph, Role, Skill } from '../../core/types';
import { findCycle } from '../../core/graph';
import { aliasKey } from '../../core/aliases';
import { ContentError, fieldPath, type ContentIssue } from './errors';
import {
	areasFileSchema,
	cardsFileSchema,
	roleFileSchema,
	skillFileSchema,
	type CardsFile,
	type RoleFile,
	type SkillFile
} from './schema';
import { clozeCount, inspectMarkdown } from './card-text';

export interface Content {
	graph: Graph;
	deck: DeckCard[];
}

type Report = (file: string, path: string, message: string) => void;

function parseFile<S extends v.GenericSchema>(
	file: string,
	text: string,
	schema: S,
	report: Report
): v.InferOutput<S> | undefined {
	const doc = parseDocument(text, { uniqueKeys: true });
	if (doc.errors.length > 0) {
		// The first line of a pretty error reads "… at line 3, column 7:".
		report(file, '', `invalid YAML: ${doc.errors[0]!.message.split('\n')[0]!.replace(/:$/, '')}`);
		return undefined;
	}
	const result = v.safeParse(schema, doc.toJS());
	if (result.success) return result.output;
	for (const issue of result.issues) {
		const keys = (issue.path ?? []).map((item) => item.key as string | number);
		// valibot words an unknown key as "Expected never"; say what it means.
		const message =
			issue.type === 'strict_object' ? `unknown field '${String(keys.at(-1))}'` : issue.message;
		report(file, fieldPath(keys), message);
	}
	return undefined;
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.yaml$/, '');

function toSkill(raw: SkillFile): Skill {
	return {
		id: raw.id,
		name: raw.name,
		area: raw.area,
		summary: raw.summary,
		aliases: raw.aliases,
		prerequisites: (raw.prerequisites ?? []).map((p) => ({
			id: p.id,
			level: p.level,
			forLevel: p.for
		})),
		levels: ([1, 2, 3, 4] as const).map((level) => {
			const r = raw.levels[`${level}`];
			return { level, hours: r.hours, can: r.can, ...(r.project ? { project: r.project } : {}) };
		}),
		resources: raw.resources
	};
}

function toRole(raw: RoleFile): Role {
	return {
		...raw,
		skills: raw.skills.map((s) => ({
			id: s.id,
			level: s.level,
			importance: s.importance,
			weight: s.weight ?? (s.importance === 'must' ? 1 : 0.5)
		}))
	};
}

/** Parses and checks every content file; throws ContentError naming each problem. */
export function parseContent(files: Readonly<Record<string, string>>): Content {
	const issues: ContentIssue[] = [];
	const report: Report = (file, path, message) => issues.push({ file, path, message });

	let areas: Area[] = [];
	const skillFiles: { file: string; raw: SkillFile }[] = [];
	// Skills whose file did not parse still count as existing, so one typo is one error, not ten.
	const unparsedSkills = new Set<string>();
	const roleFiles: { file: string; raw: RoleFile }[] = [];
	const cardFiles: { file: string; raw: CardsFile }[] = [];
	let sawAreas = false;

	const entries = Object.entries(files)
		.map(([path, text]) => [path.replace(/^\/+/, ''), text] as const)
		.sort(([a], [b]) => a.localeCompare(b));
	for (const [file, text] of entries) {
		const kind = /^content\/(?:(areas)\.yaml|(skills|roles|cards)\/[^/]+\.yaml)$/.exec(file);
		const folder = kind?.[1] ?? kind?.[2];
		if (folder === 'areas') {
			sawAreas = true;
			areas = parseFile(file, text, areasFileSchema, report) ?? [];
		} else if (folder === 'skills') {
			const raw = parseFile(file, text, skillFileSchema, report);
			if (raw) skillFiles.push({ file, raw });
			else unparsedSkills.add(baseName(file));
		} else if (folder === 'roles') {
			const raw = parseFile(file, text, roleFileSchema, report);
			if (raw) roleFiles.push({ file, raw });
		} else if (folder === 'cards') {
			const raw = parseFile(file, text, cardsFileSchema, report);
			if (raw) cardFiles.push({ file, raw });
		} else {
			report(file, '', 'unexpected file: content YAML belongs in areas.yaml, skills/, roles/ or cards/');
		}
	}
	if (!sawAreas) report('content/areas.yaml', '', 'file is missing');

	const known = new Set([...skillFiles.map(({ raw }) => raw.id), ...unparsedSkills]);
	checkAreas(areas, skillFiles, unparsedSkills.size > 0, report);
	checkSkills(skillFiles, known, report);
	checkRoles(roleFiles, known, report);
	const deck = checkCards(cardFiles, known, report);

	if (issues.length > 0) throw new ContentError(issues);

	// Skills in area order, then by id, so every consumer sees the same stable order.
	const areaRank = new Map(areas.map((a, i) => [a.id, i]));
	const skills = skillFiles
		.map(({ raw }) => toSkill(raw))
		.sort((a, b) => areaRank.get(a.area)! - areaRank.get(b.area)! || a.id.localeCompare(b.id));
	const roles = roleFiles.map(({ raw }) => toRole(raw));
	const graph: Graph = {
		areas,
		skills,
		roles,
		skillById: new Map(skills.map((s) => [s.id, s])),
		roleById: new Map(roles.map((r) => [r.id, r]))
	};
	return { graph, deck };
}

function checkAreas(
	areas: Area[],
	skillFiles: { file: string; raw: SkillFile }[],
	incomplete: boolean,
	report: Report
) {
	const seen = new Set<string>();
	areas.forEach((area, i) => {
		if (seen.has(area.id)) report('content/areas.yaml', `[${i}].id`, `duplicate area '${area.id}'`);
		seen.add(area.id);
		if (!incomplete && !skillFiles.some(({ raw }) => raw.area === area.id)) {
			report('content/areas.yaml', `[${i}].id`, `area '${area.id}' has no skills`);
		}
	});
	for (const { file, raw } of skillFiles) {
		if (areas.length > 0 && !seen.has(raw.area)) report(file, 'area', `unknown area '${raw.area}'`);
	}
}

function checkSkills(
	skillFiles: { file: string; raw: SkillFile }[],
	ids: ReadonlySet<string>,
	report: Report
) {
	const aliasOwner = new Map<string, string>();
	for (const { file, raw } of skillFiles) {
		if (raw.id !== baseName(file)) report(file, 'id', `'${raw.id}' must equal the file name`);
		const edges = new Set<string>();
		(raw.prerequisites ?? []).forEach((p, i) => {
			if (p.id === raw.id) report(file, `prerequisites[${i}].id`, 'a skill cannot require itself');
			else if (!ids.has(p.id)) report(file, `prerequisites[${i}].id`, `unknown skill '${p.id}'`);
			if (edges.has(`${p.id}@${p.for}`)) {
				report(file, `prerequisites[${i}]`, `duplicate edge to '${p.id}' for level ${p.for}`);
			}
			edges.add(`${p.id}@${p.for}`);
		});
		raw.aliases.forEach((alias, i) => {
			const key = aliasKey(alias);
			if (key === '') {
				report(file, `aliases[${i}]`, `'${alias}' has no letters or digits`);
				return;
			}
			const owner = aliasOwner.get(key);
			if (owner && owner !== raw.id) {
				report(file, `aliases[${i}]`, `'${alias}' is already an alias of '${owner}'`);
			}
			aliasOwner.set(key, owner ?? raw.id);
		});
	}
	const cycle = findCycle({
		skills: skillFiles.map(({ raw }) => ({
			id: raw.id,
			prerequisites: (raw.prerequisites ?? []).map((p) => ({ ...p, forLevel: p.for }))
		}))
	});
	if (cycle) {
		const file = skillFiles.find(({ raw }) => raw.id === cycle[0])?.file ?? 'content/skills';
		report(file, 'prerequisites', `prerequisite cycle: ${cycle.join(' → ')}`);
	}
}

function checkRoles(
	roleFiles: { file: string; raw: RoleFile }[],
	ids: ReadonlySet<string>,
	report: Report
) {
	for (const { file, raw } of roleFiles) {
		if (raw.id !== baseName(file)) report(file, 'id', `'${raw.id}' must equal the file name`);
		const seen = new Set<string>();
		raw.skills.forEach((s, i) => {
			if (!ids.has(s.id)) report(file, `skills[${i}].id`, `unknown skill '${s.id}'`);
			if (seen.has(s.id)) report(file, `skills[${i}].id`, `'${s.id}' is listed twice`);
			seen.add(s.id);
		});
	}
}

function checkCards(
	cardFiles: { file: string; raw: CardsFile }[],
	skillIds: ReadonlySet<string>,
	report: Report
): DeckCard[] {
	const cardIds = new Map<string, string>();
	const deck: DeckCard[] = [];
	for (const { file, raw } of cardFiles) {
		if (raw.skill !== baseName(file)) report(file, 'skill', `'${raw.skill}' must equal the file name`);
		if (!skillIds.has(raw.skill)) report(file, 'skill', `unknown skill '${raw.skill}'`);
		raw.cards.forEach((card, i) => {
			const at = (field: string) => `cards[${i}]${field ? `.${field}` : ''}`;
			const other = cardIds.get(card.id);
			if (other) report(file, at('id'), `duplicate card id '${card.id}' (also in ${other})`);
			cardIds.set(card.id, file);
			const front = inspectMarkdown(card.front);
			const back = inspectMarkdown(card.back ?? '');
			if (card.kind === 'cloze') {
				const n = clozeCount(card.front);
				if (n !== 1) {
					report(file, at('front'), `a cloze card needs exactly one {{…}} deletion, found ${n}`);
				}
			} else {
				if (!card.back) report(file, at('back'), `a ${card.kind} card needs a back`);
				if (card.kind === 'code' && !front.hasCode) {
					report(file, at('front'), 'a code card needs a fenced code block in its front');
				}
			}
			for (const problem of front.problems) report(file, at('front'), problem);
			for (const problem of back.problems) report(file, at('back'), problem);
			deck.push({
				id: card.id,
				skillId: raw.skill,
				level: card.level,
				kind: card.kind,
				front: card.front,
				back: card.back ?? '',
				source: card.source,
				retired: card.retired
			});
		});
	}
	return deck;
}
