// `npm run seed:large [-- --reset] [--submissions N]`: fills DATABASE_URL (or the embedded database at PGLITE_DIR)
// with a club at full size (scripts/performance/large-dataset.ts), printing the time each table took.
// Every seeded account's password is `itbu-bench-2026`. Refuses production, and any database that already has accounts
// unless `--reset` (which drops the portal's schema and applies the migrations again).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { migrate, openDatabase } from '../src/lib/server/db';
import { hashPassword } from '../src/lib/server/auth/password';
import { benchPassword, countUsers, dropPortalSchema, fullSizes, seedLargeDataset } from './performance/large-dataset';
import { printSeedStep } from './performance/report';

if (process.env.NODE_ENV === 'production') {
	console.error('seed:large refuses to run with NODE_ENV=production.');
	process.exit(1);
}

const { values } = parseArgs({
	options: { reset: { type: 'boolean', default: false }, submissions: { type: 'string' }, members: { type: 'string' } }
});
const sizes = {
	...fullSizes,
	...(values.submissions ? { submissions: Number(values.submissions) } : {}),
	...(values.members ? { members: Number(values.members) } : {})
};

const config = loadConfig();
const connection = await openDatabase({ url: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
	await migrate(connection);
	const { db } = connection;
	if ((await countUsers(db)) > 0) {
		if (!values.reset) {
			console.error('This database already has accounts. Run with --reset to drop everything in it and start over.');
			process.exitCode = 1;
		} else {
			await dropPortalSchema(connection);
			await migrate(connection);
		}
	}
	if (!process.exitCode) {
		const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.pgliteDir ?? './.data/pglite'})`;
		console.log(`Seeding ${where}: ${sizes.members} members, ${sizes.mentors} mentors, ${sizes.exercises} exercises, ${sizes.submissions} submissions`);
		const started = performance.now();
		await seedLargeDataset(db, sizes, await hashPassword(benchPassword), printSeedStep, (message) => console.log(`    … ${message}`));
		console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Every account's password: ${benchPassword}`);
	}
} finally {
	await connection.close();
}
