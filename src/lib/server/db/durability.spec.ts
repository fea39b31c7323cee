// "kill -9 loses no committed row" for the embedded database: a child process commits rows one by one and
// reports each commit; it is killed with SIGKILL mid-stream; every row it reported must be there on reopening.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, selectRows } from './connection';

const directory = mkdtempSync(join(tmpdir(), 'itbu-durability-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const writer = `
import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create(process.argv[2]);
await db.exec('create table if not exists committed (n int primary key)');
for (let n = 1; ; n++) {
	await db.query('insert into committed values ($1)', [n]);
	process.stdout.write(n + '\\n');
}
`;

describe('embedded database durability', () => {
	it('keeps every committed row when the process is killed with SIGKILL', { timeout: 60_000 }, async () => {
		const script = join(process.cwd(), 'node_modules', '.itbu-durability-writer.mjs');
		writeFileSync(script, writer);
		const data = join(directory, 'pglite');
		const child = spawn(process.execPath, [script, data], { stdio: ['ignore', 'pipe', 'inherit'] });
		let reported = 0;
		child.stdout.on('data', (chunk: Buffer) => {
			const numbers = chunk.toString().trim().split('\n').map(Number);
			reported = Math.max(reported, ...numbers);
			if (reported >= 200) child.kill('SIGKILL');
		});
		await new Promise((resolve) => child.once('exit', resolve));
		rmSync(script);
		expect(reported).toBeGreaterThanOrEqual(200);

		const reopened = await openDatabase({ pgliteDir: data });
		try {
			const [row] = await selectRows<{ count: number; max: number }>(reopened.db, sql`select count(*)::int as count, max(n)::int as max from committed`);
			expect(row!.count).toBe(row!.max);
			expect(row!.max).toBeGreaterThanOrEqual(reported);
		} finally {
			await reopened.close();
		}
	});
});
