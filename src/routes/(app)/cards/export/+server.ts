import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { badRequest } from '$lib/server/validation';
import { EXPORT_FORMATS, exportCards, type ExportFormat } from '$lib/server/cards';

/** GET /cards/export?format=tsv|csv|json — a download of the learner's cards. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const format = url.searchParams.get('format') ?? 'tsv';
	if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
		return badRequest(`Unknown format “${format.slice(0, 20)}”: use tsv, csv or json.`);
	}
	const file = await exportCards(await getDb(), locals.user.id, format as ExportFormat, new Date());
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
