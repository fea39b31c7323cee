import { fail } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { translate } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return {
		columns: Object.values(membership.rosterColumns).map((column) => ({ header: column.header, required: column.required }))
	};
};

/** The check as the page shows it: every row's problems in words, with the column names of the file. */
function present(check: membership.RosterCheck) {
	const describe = (problem: membership.RowProblem) =>
		translate(problem.problem, { column: problem.column ? membership.rosterColumns[problem.column].header : '', row: problem.otherRow ?? '' });
	return {
		encoding: check.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS',
		counts: check.counts,
		headerProblems: check.headerProblems.map(describe),
		rows: check.rows.map((row) => ({ row: row.row, outcome: row.outcome, fullName: row.fullName, problems: row.problems.map(describe) })),
		importable: membership.isImportable(check) && check.counts.new > 0,
		text: membership.isImportable(check) ? check.text : ''
	};
}

export const actions: Actions = {
	check: async ({ locals, request }) => {
		auth.requireRole(locals, 'coordinator');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: translate('import_error_no_file') });
		const check = await membership.checkRoster(locals.db, new Uint8Array(await file.arrayBuffer()));
		if (!check.ok) return fail(400, { message: translate(check.problem) });
		return { check: present(check.check) };
	},
	import: async ({ locals, request }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const text = (await request.formData()).get('text');
		if (typeof text !== 'string' || !text) return fail(400, { message: translate('import_error_no_file') });
		const result = await membership.importRoster(locals.db, user, new TextEncoder().encode(text));
		if (!result.ok) {
			if ('check' in result) return fail(409, { message: translate(result.problem), check: present(result.check) });
			return fail(400, { message: translate(result.problem) });
		}
		return { imported: { imported: result.imported, unchanged: result.unchanged } };
	}
};
