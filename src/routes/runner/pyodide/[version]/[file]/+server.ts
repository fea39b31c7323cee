import { error } from '@sveltejs/kit';
import { pyodideAsset } from '$lib/server/runner';
import type { RequestHandler } from './$types';

// Python for the browser's 実行: public files of the `pyodide` package, the same for everyone (no session needed).
export const GET: RequestHandler = async ({ params, request }) => {
	const response = await pyodideAsset(params.version, params.file, request.headers.get('accept-encoding'));
	if (!response) error(404, 'not found');
	return response;
};
