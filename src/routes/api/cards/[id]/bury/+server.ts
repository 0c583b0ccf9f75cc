import type { RequestHandler } from './$types';
import { cardActionHandler } from '$lib/server/reviews/http';

export const POST: RequestHandler = cardActionHandler('bury');
