// The one shape in which a domain function reports a failure that the person using it can cause (a closed session,
// a taken slug, a wrong password, a mail limit): returned, never thrown, as the message key that explains it, so
// the page can show it in the person's language and keep what they typed. A programming error or an unavailable
// database still throws. Success may carry values: `Outcome<SaveProblem, { changed: boolean }>`. A pure check of a
// value that changes nothing (checkPasswordPolicy, publishingProblems) returns its problems directly.

export type Outcome<Problem extends string, Value extends object = object> = ({ ok: true } & Value) | Refusal<Problem>;

export interface Refusal<Problem extends string> {
	ok: false;
	problem: Problem;
}

/** Success without a value. */
export const ok = { ok: true } as const;

export function refuse<Problem extends string>(problem: Problem): Refusal<Problem> {
	return { ok: false, problem };
}

/**
 * An exception that carries a refusal out of a transaction (so that what it wrote is rolled back); `refusalOf`
 * turns it back into the returned shape where the transaction is started.
 */
export class Refused<Problem extends string> extends Error {
	constructor(readonly problem: Problem) {
		super(problem);
	}
}

/** Runs `work`, returning a `Refused` thrown inside it as the refusal it carries. */
export async function refusalOf<Problem extends string, Value extends object>(work: () => Promise<Outcome<Problem, Value>>): Promise<Outcome<Problem, Value>> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof Refused) return refuse(error.problem as Problem);
		throw error;
	}
}
