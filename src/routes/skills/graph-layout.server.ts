// Lays the prerequisite DAG out once per process with dagre, so browsers receive finished
// SVG coordinates and never a layout engine. Foundations sit on the left, advanced skills
// on the right. Edges implied by a longer chain are left out of the drawing to keep it
// readable; each skill's page lists its direct prerequisites in full.
import dagre from '@dagrejs/dagre';
import type { Graph } from '$lib/core/types';

export interface LaidOutNode {
	id: string;
	/** The name wrapped into at most five short lines. */
	lines: string[];
	colour: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LaidOutEdge {
	from: string;
	to: string;
	/** SVG path data. */
	d: string;
}

export interface GraphLayout {
	width: number;
	height: number;
	/** Distance between the lines of a node's label. */
	lineHeight: number;
	/** The labels' font size, in drawing units. */
	fontSize: number;
	/** Narrowest width (px) to draw at, so that labels are never under MIN_LABEL_PX. */
	minWidth: number;
	nodes: LaidOutNode[];
	edges: LaidOutEdge[];
}

// Sized so the whole ten-rank graph fits a 1280 px desktop with labels of at least 12 px: tall,
// narrow nodes (lines of at most 14 characters, the widest ≈ 132 units in system-ui at 16) and
// ranks 18 units apart make it ≈ 1610 units wide, drawn at the frame's ≈ 1240 px: a scale of
// ≈ 0.77, so 16-unit labels show at ≈ 12.3 px. On a narrower window the drawing stops shrinking
// at 12 px labels and its frame scrolls instead.
const FONT_SIZE = 16;
const MIN_LABEL_PX = 12;
const NODE_WIDTH = 144;
const LINE_HEIGHT = 20;
const MAX_LINE = 14;
const MAX_LINES = 5;

/** The words of a name; one longer than a line is cut after its hyphens and slashes. */
function pieces(name: string): { text: string; spaced: boolean }[] {
	return name
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((word) =>
			(word.length > MAX_LINE ? word.split(/(?<=[-/])/) : [word]).map((text, i) => ({
				text,
				spaced: i === 0
			}))
		);
}

/** Wraps a name at word boundaries into at most MAX_LINES lines of about MAX_LINE characters. */
export function wrapLabel(name: string): string[] {
	const lines: string[] = [];
	let line = '';
	for (const { text, spaced } of pieces(name)) {
		const joined = line ? `${line}${spaced ? ' ' : ''}${text}` : text;
		if (line && joined.length > MAX_LINE) {
			lines.push(line);
			line = text;
		} else {
			line = joined;
		}
	}
	if (line) lines.push(line);
	if (lines.length <= MAX_LINES) return lines;
	const last = lines.slice(MAX_LINES - 1).join(' ');
	return [...lines.slice(0, MAX_LINES - 1), `${last.slice(0, MAX_LINE - 1).trimEnd()}…`];
}

/** Direct prerequisite ids of each skill, minus those already reached through another one. */
export function reducedEdges(graph: Pick<Graph, 'skills'>): { from: string; to: string }[] {
	const prereqs = new Map(
		graph.skills.map((s) => [s.id, [...new Set(s.prerequisites.map((p) => p.id))]])
	);
	const ancestors = new Map<string, Set<string>>();
	const ancestorsOf = (id: string): Set<string> => {
		let found = ancestors.get(id);
		if (!found) {
			found = new Set();
			for (const p of prereqs.get(id) ?? []) {
				found.add(p);
				for (const a of ancestorsOf(p)) found.add(a);
			}
			ancestors.set(id, found);
		}
		return found;
	};
	const edges: { from: string; to: string }[] = [];
	for (const [id, direct] of prereqs) {
		for (const p of direct) {
			const implied = direct.some((q) => q !== p && ancestorsOf(q).has(p));
			if (!implied) edges.push({ from: p, to: id });
		}
	}
	return edges;
}

const round = (n: number) => Math.round(n * 10) / 10;
const pt = (p: { x: number; y: number }) => `${round(p.x)},${round(p.y)}`;

/** A smooth curve through dagre's bend points: quadratic segments joined at midpoints. */
function smoothPath(points: { x: number; y: number }[]): string {
	if (points.length < 2) return '';
	let d = `M${pt(points[0]!)}`;
	if (points.length === 2) return `${d} L${pt(points[1]!)}`;
	for (let i = 1; i < points.length - 1; i++) {
		const here = points[i]!;
		const next = points[i + 1]!;
		const end =
			i === points.length - 2 ? next : { x: (here.x + next.x) / 2, y: (here.y + next.y) / 2 };
		d += ` Q${pt(here)} ${pt(end)}`;
	}
	return d;
}

export function layoutGraph(graph: Graph): GraphLayout {
	const colour = new Map(graph.areas.map((a) => [a.id, a.colour]));
	const g = new dagre.graphlib.Graph();
	g.setGraph({ rankdir: 'LR', nodesep: 10, ranksep: 18, marginx: 4, marginy: 4 });
	g.setDefaultEdgeLabel(() => ({}));
	const labels = new Map(graph.skills.map((s) => [s.id, wrapLabel(s.name)]));
	for (const skill of graph.skills) {
		const lines = labels.get(skill.id)!;
		g.setNode(skill.id, { width: NODE_WIDTH, height: 14 + lines.length * LINE_HEIGHT });
	}
	const edges = reducedEdges(graph);
	for (const e of edges) g.setEdge(e.from, e.to);
	dagre.layout(g);

	const nodes = graph.skills.map((skill): LaidOutNode => {
		const n = g.node(skill.id);
		return {
			id: skill.id,
			lines: labels.get(skill.id)!,
			colour: colour.get(skill.area) ?? '#64748b',
			x: round(n.x - n.width / 2),
			y: round(n.y - n.height / 2),
			width: n.width,
			height: n.height
		};
	});
	const laidEdges = edges.map(({ from, to }): LaidOutEdge => {
		return { from, to, d: smoothPath(g.edge(from, to).points ?? []) };
	});
	const { width = 0, height = 0 } = g.graph();
	return {
		width: Math.ceil(width),
		height: Math.ceil(height),
		lineHeight: LINE_HEIGHT,
		fontSize: FONT_SIZE,
		minWidth: Math.ceil((width * MIN_LABEL_PX) / FONT_SIZE),
		nodes,
		edges: laidEdges
	};
}

let cached: { graph: Graph; layout: GraphLayout } | undefined;

/** The layout of the loaded graph, computed on first use. */
export function getGraphLayout(graph: Graph): GraphLayout {
	if (cached?.graph !== graph) cached = { graph, layout: layoutGraph(graph) };
	return cached.layout;
}
