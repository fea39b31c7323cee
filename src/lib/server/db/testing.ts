// Test support: every data-layer suite runs on embedded PGlite and on the machine's real PostgreSQL.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type DatabaseConnection, type DatabaseOptions } from './connection';
import { migrate } from './migrate';

export type Backend = 'pglite' | 'postgres';

const testDatabaseUrl = process.env.TEST_DATABASE_URL;
let warned = false;

/** A fresh, migrated database of the given kind; `close()` also drops a Postgres one. */
export async function createTestDatabase(backend: Backend, options: Pick<DatabaseOptions, 'logQuery'> = {}): Promise<DatabaseConnection> {
	if (backend === 'pglite') {
		const connection = await openDatabase({ pgliteDir: 'memory://', ...options });
		await migrate(connection);
		return connection;
	}
	if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
	const name = `itbu_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`).catch(async (error) => {
		await admin.end();
		throw error;
	});
	const url = new URL(testDatabaseUrl);
	url.pathname = `/${name}`;
	const connection = await openDatabase({ url: url.toString(), maxConnections: 5, ...options });
	await migrate(connection);
	return {
		...connection,
		async close() {
			await connection.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/** The backends to test on: PGlite always; Postgres when TEST_DATABASE_URL is set (CI must set it). */
export function testBackends(): Backend[] {
	if (testDatabaseUrl) return ['pglite', 'postgres'];
	if (process.env.CI) throw new Error('CI must set TEST_DATABASE_URL: the Postgres half of the suite is never skipped there');
	if (!warned) {
		warned = true;
		console.warn('\n⚠ TEST_DATABASE_URL is not set: the PostgreSQL half of the data-layer tests is SKIPPED.\n');
	}
	return ['pglite'];
}

/**
 * Declares `suite` once per backend, each with its own fresh database.
 * `suite` receives a getter, since the connection only exists once `beforeAll` has run.
 */
export function describeEachDatabase(title: string, suite: (connection: () => DatabaseConnection, backend: Backend) => void) {
	for (const backend of testBackends()) {
		describe(`${title} [${backend}]`, () => {
			let connection: DatabaseConnection | undefined;
			beforeAll(async () => {
				connection = await createTestDatabase(backend);
			});
			afterAll(async () => {
				await connection?.close();
			});
			suite(() => {
				if (!connection) throw new Error('database not open yet');
				return connection;
			}, backend);
		});
	}
}
