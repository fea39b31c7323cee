// Test support: every data-layer suite runs on embedded PGlite and on the machine's real PostgreSQL.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type DatabaseConnection, type DatabaseOptions } from './connection';
import { migrate, readMigrations } from './migrate';

export type Backend = 'pglite' | 'postgres';

const testDatabaseUrl = process.env.TEST_DATABASE_URL;
let warned = false;

/**
 * Names the migrated starting point after the migrations and the PGlite release (whose files the dump holds), so that
 * changing either makes a new one.
 */
function migrationsFingerprint(): string {
	const hash = createHash('sha256');
	hash.update(JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version);
	for (const migration of readMigrations()) hash.update(`${migration.version}\0${migration.script}\0`);
	return hash.digest('hex').slice(0, 12);
}

/**
 * A freshly migrated PGlite's files, made once per change of the migrations and kept in the temporary folder: starting
 * PGlite from them takes 0.4 s, against 1.3–2.2 s for an empty PGlite's initdb and the migrations.
 */
async function pristinePglite(): Promise<Blob> {
	const file = join(tmpdir(), `itbu-test-pglite-${migrationsFingerprint()}.tar`);
	if (!existsSync(file)) {
		const connection = await openDatabase({ pgliteDir: 'memory://' });
		await migrate(connection);
		const dump = await connection.dump!();
		await connection.close();
		// Written aside and renamed, so a test file starting at the same moment never reads half of it.
		const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
		writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
		renameSync(partial, file);
		// Older migrations' dumps (42 MB each) go once nobody has read them for a day.
		for (const name of readdirSync(tmpdir()).filter((entry) => /^itbu-test-pglite-\w+\.tar$/.test(entry))) {
			const stale = join(tmpdir(), name);
			if (stale !== file && Date.now() - statSync(stale).atimeMs > 24 * 60 * 60 * 1000) rmSync(stale, { force: true });
		}
	}
	return new Blob([readFileSync(file)]);
}

/**
 * A new database `name` copied from the migrated template (a copy takes 70 ms; migrating, 250 ms). The template is made
 * once per change of the migrations under an advisory lock, so parallel test files make it once; older ones go. The
 * copy is made under the same lock: runs with other migrations (another branch on the same server) drop this template
 * as an older one, and must not do so between finding it and copying it.
 */
async function copyPostgresTemplate(admin: postgres.Sql, name: string): Promise<void> {
	const template = `itbu_template_${migrationsFingerprint()}`;
	// `admin` holds one connection, so the session's advisory lock covers everything below (CREATE DATABASE cannot
	// run inside a transaction).
	await admin`select pg_advisory_lock(7316400212)`;
	try {
		const [found] = await admin`select 1 from pg_database where datname = ${template}`;
		if (found) {
			await admin.unsafe(`create database ${name} template ${template}`);
			return;
		}
		const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'itbu\\_template\\_%'`;
		// Older migrations' templates, and a half-made one of a run that died.
		for (const { datname } of stale) await admin.unsafe(`drop database if exists ${datname} with (force)`);
		const url = new URL(testDatabaseUrl!);
		url.pathname = `/${template}_partial`;
		await admin.unsafe(`create database ${template}_partial`);
		const connection = await openDatabase({ url: url.toString(), maxConnections: 1 });
		await migrate(connection);
		await connection.close();
		await admin.unsafe(`alter database ${template}_partial rename to ${template}`);
		await admin.unsafe(`create database ${name} template ${template}`);
	} finally {
		await admin`select pg_advisory_unlock(7316400212)`;
	}
}

/** A fresh, migrated database of the given kind; `close()` also drops a Postgres one. */
export async function createTestDatabase(backend: Backend, options: Pick<DatabaseOptions, 'logQuery'> = {}): Promise<DatabaseConnection> {
	if (backend === 'pglite') return openDatabase({ pgliteDir: 'memory://', pgliteDump: await pristinePglite(), ...options });
	if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
	const name = `itbu_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
	try {
		await copyPostgresTemplate(admin, name);
	} catch (error) {
		await admin.end();
		throw error;
	}
	const url = new URL(testDatabaseUrl);
	url.pathname = `/${name}`;
	const connection = await openDatabase({ url: url.toString(), maxConnections: 5, ...options });
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
