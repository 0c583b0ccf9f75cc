// The public JSON face of the competency graph, serialised once with a content hash as ETag.
import { createHash } from 'node:crypto';
import type { Graph } from '$lib/core/types';

export function graphDocument(graph: Graph) {
	return {
		areas: graph.areas.map(({ id, name, colour }) => ({ id, name, colour })),
		skills: graph.skills.map((s) => ({
			id: s.id,
			name: s.name,
			area: s.area,
			summary: s.summary,
			prerequisites: s.prerequisites.map(({ id, level, forLevel }) => ({ id, level, forLevel })),
			hours: Object.fromEntries(s.levels.map((l) => [String(l.level), l.hours])),
			aliases: s.aliases,
			levels: s.levels.map((l) => ({
				level: l.level,
				hours: l.hours,
				can: l.can,
				...(l.project ? { project: l.project } : {})
			})),
			resources: s.resources
		})),
		roles: graph.roles.map((r) => ({
			id: r.id,
			name: r.name,
			summary: r.summary,
			years: r.years,
			skills: r.skills.map(({ id, level, importance, weight }) => ({
				id,
				level,
				importance,
				weight
			}))
		}))
	};
}

let cached: { graph: Graph; body: string; etag: string } | undefined;

export function graphResponseBody(graph: Graph): { body: string; etag: string } {
	if (cached?.graph !== graph) {
		const body = JSON.stringify(graphDocument(graph));
		const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
		cached = { graph, body, etag };
	}
	return cached;
}

/** True when an If-None-Match header names this ETag (weak or strong, or *). */
export function matchesEtag(header: string | null, etag: string): boolean {
	if (!header) return false;
	return header.split(',').some((tag) => {
		const t = tag.trim();
		return t === '*' || t.replace(/^W\//, '') === etag;
	});
}
