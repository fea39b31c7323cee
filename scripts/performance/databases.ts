// Databases for the benchmarks, seeded at full size: PGlite in a temporary folder, or a fresh database on the
// machine's PostgreSQL (TEST_DATABASE_URL, else DATABASE_URL), dropped again afterwards; or a named PostgreSQL database
// kept between runs (`keep`), seeded on first use and only migrated afterwards, so before/after runs share the data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrate, openDatabase, type DatabaseConnection } from '../../src/lib/server/db';
import { hashPassword } from '../../src/lib/server/auth/password';
import { benchPassword, countUsers, seedLargeDataset, type DatasetSizes, type SeedStep } from './large-dataset';
import { createBenchmarkSessions, type BenchmarkPeople } from './logins';

export type BenchmarkBackend = 'pglite' | 'postgres';

export interface SeededDatabase {
	backend: BenchmarkBackend;
	/** What a web server or judge worker needs in its environment to use this database. */
	env: Record<string, string>;
	people: BenchmarkPeople;
	/** Opens a connection of this process (PGlite: only while no server has the folder open). */
	open(): Promise<DatabaseConnection>;
	drop(): Promise<void>;
}

export function postgresBaseUrl(): string | undefined {
	return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function createSeededDatabase(
	backend: BenchmarkBackend,
	sizes: DatasetSizes,
	report: (step: SeedStep) => void,
	progress: (message: string) => void = () => {},
	options: { keep?: string } = {}
): Promise<SeededDatabase> {
	const place = backend === 'pglite' ? pglitePlace() : await postgresPlace(options.keep);
	const connection = await place.open();
	try {
		await migrate(connection);
		if (place.existing && (await countUsers(connection.db)) > 0) progress(`reusing the seeded database ${place.name}`);
		else await seedLargeDataset(connection.db, sizes, await hashPassword(benchPassword), report, progress);
		const people = await createBenchmarkSessions(connection.db, sizes);
		return { backend, env: place.env, people, open: place.open, drop: place.drop };
	} catch (error) {
		await connection.close();
		await place.drop();
		throw error;
	} finally {
		// PGlite allows one process per folder: the web server opens it next.
		await connection.close();
	}
}

function pglitePlace() {
	const directory = mkdtempSync(join(tmpdir(), 'itbu-bench-pglite-'));
	return {
		name: directory,
		existing: false,
		env: { PGLITE_DIR: directory, DATABASE_URL: '' },
		open: () => openDatabase({ pgliteDir: directory }),
		drop: async () => rmSync(directory, { recursive: true, force: true })
	};
}

async function postgresPlace(keep?: string) {
	const base = postgresBaseUrl();
	if (!base) throw new Error('PostgreSQL benchmarks need TEST_DATABASE_URL or DATABASE_URL');
	if (keep !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(keep)) throw new Error(`not a plain database name: ${keep}`);
	const name = keep ?? `itbu_bench_${randomBytes(4).toString('hex')}`;
	const admin = postgres(base, { max: 1, onnotice: () => {} });
	const [found] = await admin`select 1 from pg_database where datname = ${name}`;
	if (!found) await admin.unsafe(`create database ${name}`);
	const url = new URL(base);
	url.pathname = `/${name}`;
	return {
		name,
		existing: Boolean(found),
		env: { DATABASE_URL: url.toString() },
		open: () => openDatabase({ url: url.toString(), maxConnections: 5 }),
		drop: async () => {
			if (keep === undefined) await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
