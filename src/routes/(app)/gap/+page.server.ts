import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getGraph } from '$lib/server/content';
import { getActiveTargetGap, READINESS_DEFINITION } from '$lib/server/gap';
import { weightedGap } from '$lib/core/gap';
import {
	calibrationItems,
	formLevel,
	levelSchema,
	ratingQueue,
	recordRatings,
	skillIdSchema
} from '$lib/server/assessments';
import { formFields, validate } from '$lib/server/validation';
import * as v from 'valibot';
import { gapGraph } from './gap-graph.server';
import { loadForecast } from '$lib/server/forecast';
import { forecastChart } from './forecast-chart.server';

const adjustSchema = v.object({ skillId: skillIdSchema, level: levelSchema });

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const now = new Date();
	const gap = await getActiveTargetGap(db, user.id, now);
	if (!gap) return { gap: null, fromStart: false };
	const graph = getGraph();
	const name = (id: string) => graph.skillById.get(id)?.name ?? id;

	const areas = graph.areas
		.map((area) => {
			const entries = gap.entries
				.filter((e) => graph.skillById.get(e.skillId)?.area === area.id)
				.map((e) => ({ ...e, name: name(e.skillId), viaNames: e.via.map(name) }));
			return {
				id: area.id,
				name: area.name,
				colour: area.colour,
				weightedGap: entries.reduce((sum, e) => sum + weightedGap(e), 0),
				entries
			};
		})
		.filter((a) => a.entries.length > 0)
		.sort((a, b) => b.weightedGap - a.weightedGap);

	const [calibration, forecast] = await Promise.all([
		calibrationItems(db, user.id, now, new Set(gap.entries.map((e) => e.skillId))),
		loadForecast(db, user.id, now)
	]);
	return {
		gap: {
			target: gap.target,
			readiness: gap.readiness,
			open: gap.entries.filter((e) => e.gap > 0).length,
			total: gap.entries.length,
			areas
		},
		graph: gapGraph(graph, gap.entries),
		forecast: forecast && forecastChart(forecast),
		calibration: calibration.map((c) => ({ ...c, name: name(c.skillId) })),
		definition: READINESS_DEFINITION,
		// Skills never rated count as 0: say how many, and offer to go on rating.
		rating: (await ratingQueue(db, user.id))?.progress ?? null,
		fromStart: event.url.searchParams.get('from') === 'start'
	};
};

export const actions: Actions = {
	adjust: async (event) => {
		const { user } = requireUser(event);
		const fields = formFields(await event.request.formData());
		const parsed = validate(adjustSchema, {
			skillId: fields.skillId ?? '',
			level: formLevel(fields.level)
		});
		if (!parsed.ok) return fail(400, { message: parsed.message });
		await recordRatings(await getDb(), user.id, [parsed.data], 'self', new Date());
		return { adjusted: parsed.data.skillId };
	}
};
