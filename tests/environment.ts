// Shared by playwright.config.ts, the e2e server launcher and the fixtures: where the e2e server runs and its database.
export const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const e2eOrigin = `http://127.0.0.1:${e2ePort}`;

/** The e2e server's own database on the machine's Postgres, recreated on every run (one per port, so runs can coexist). */
export const e2eDatabaseName = `itbu_e2e_${e2ePort}`;

export function e2eDatabaseUrl(): string | undefined {
	const base = process.env.TEST_DATABASE_URL;
	if (!base) return undefined;
	const url = new URL(base);
	url.pathname = `/${e2eDatabaseName}`;
	return url.toString();
}

/**
 * How long the e2e suite waits for work that takes real time (a verdict, Python's first load in the browser, a server
 * start). Long enough for a machine at a load average of 20 (2 cores); a passing test never waits it out, so the bound
 * costs nothing and no test fails only because the machine is busy.
 */
export const slowWork = 120_000;

/** A whole test's budget: several slow steps in a row on a busy machine. */
export const testBudget = 300_000;
