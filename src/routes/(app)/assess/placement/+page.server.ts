import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getGraph } from '$lib/server/content';
import { creditedLevels } from '$lib/core/assessment';
import {
	formatProgress,
	formLevel,
	levelSchema,
	parseProgress,
	placementState,
	recordRatings,
	skillIdSchema,
	submitPlacement
} from '$lib/server/assessments';
import { formFields, validate } from '$lib/server/validation';

const name = (id: string) => getGraph().skillById.get(id)?.name ?? id;

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const params = event.url.searchParams;
	const progress = parseProgress(params.get('r'));
	const state = await placementState(await getDb(), user.id, progress);
	if (!state) return { state: null };

	const last = params.get('last');
	const lastOutcome = last ? progress.get(last) : undefined;
	const claimOf = (id: string) => state.claims.get(id) ?? 0;
	const flash =
		last && lastOutcome === 'passed'
			? {
					passed: true,
					skill: name(last),
					level: claimOf(last),
					credited: [...creditedLevels(getGraph(), new Map([[last, claimOf(last)]]))]
						.filter(([id]) => id !== last)
						.map(([id, level]) => `${name(id)} ${level}`)
				}
			: last && lastOutcome === 'failed'
				? { passed: false, skill: name(last), level: claimOf(last), credited: [] }
				: null;

	const summary = state.order.map((id) => ({
		id,
		name: name(id),
		claimed: claimOf(id),
		outcome:
			progress.get(id) ??
			(state.skipped.includes(id)
				? ('no-cards' as const)
				: (state.credited.get(id) ?? 0) >= claimOf(id)
					? ('credited' as const)
					: ('open' as const))
	}));
	return {
		state: {
			r: formatProgress(progress),
			asked: progress.size,
			total: state.order.length,
			next: state.next && {
				skillId: state.next.skillId,
				name: name(state.next.skillId),
				claimed: state.next.claimed,
				cards: state.next.cards.map((c) => ({
					id: c.id,
					kind: c.kind,
					frontHtml: c.frontHtml,
					backHtml: c.backHtml
				}))
			},
			summary
		},
		flash
	};
};

const adjustSchema = v.object({ skillId: skillIdSchema, level: levelSchema });

function withProgress(r: string, extra: Record<string, string> = {}) {
	const q = new URLSearchParams({ ...(r ? { r } : {}), ...extra });
	return `/assess/placement${q.size ? `?${q}` : ''}`;
}

export const actions: Actions = {
	answer: async (event) => {
		const { user } = requireUser(event);
		const data = await event.request.formData();
		const fields = formFields(data);
		const skillId = fields.skillId ?? '';
		const progress = parseProgress(fields.r ?? '');
		if (fields.skip !== undefined && getGraph().skillById.has(skillId)) {
			progress.set(skillId, 'skipped');
			redirect(303, withProgress(formatProgress(progress)));
		}
		const answers = [...data.keys()]
			.filter((k) => k.startsWith('knew:'))
			.map((k) => ({ cardId: k.slice(5), knew: data.get(k) === 'yes' }));
		const result = await submitPlacement(await getDb(), user.id, skillId, answers, new Date());
		if (!result.ok) return fail(400, { message: result.message });
		progress.set(skillId, result.result.passed ? 'passed' : 'failed');
		redirect(303, withProgress(formatProgress(progress), { last: skillId }));
	},

	adjust: async (event) => {
		const { user } = requireUser(event);
		const fields = formFields(await event.request.formData());
		const parsed = validate(adjustSchema, {
			skillId: fields.skillId ?? '',
			level: formLevel(fields.level)
		});
		if (!parsed.ok) return fail(400, { message: parsed.message });
		await recordRatings(await getDb(), user.id, [parsed.data], 'placement', new Date());
		const progress = parseProgress(fields.r ?? '');
		progress.set(parsed.data.skillId, 'lowered');
		redirect(303, withProgress(formatProgress(progress)));
	}
};
