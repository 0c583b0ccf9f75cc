import type { PageServerLoad } from './$types';
import { getGraph } from '$lib/server/content';
import { getExplorer } from './explorer.server';
import { getGraphLayout } from './graph-layout.server';

export const load: PageServerLoad = ({ url }) => {
	const graph = getGraph();
	return {
		q: (url.searchParams.get('q') ?? '').slice(0, 100),
		areas: getExplorer(graph),
		layout: getGraphLayout(graph)
	};
};
