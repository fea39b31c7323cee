// `npm run db:migrate`: applies pending supabase/migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../src/lib/server/config';
import { migrate, openDatabase } from '../src/lib/server/db';

const config = loadConfig();
const connection = await openDatabase({ url: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
	const applied = await migrate(connection);
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the database is up to date.');
} finally {
	await connection.close();
}
