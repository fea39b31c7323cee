import type { RequestHandler } from './$types';

// Public and free of database work on purpose: `npm run bench:web` measures the server's own cost per request on it,
// the baseline every page is compared with. (GET /api/health asks the database.)
export const GET: RequestHandler = () => new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
