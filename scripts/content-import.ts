// `npm run content:import [-- --force]`: puts the exercise folders (CONTENT_DIR, default src/content/exercises) into
// DATABASE_URL (or the embedded database: stop the dev server first, it holds that one open). Idempotent: unchanged
// folders are skipped by content hash; an exercise edited in the UI is kept unless --force is given.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { migrate, openDatabase } from '../src/lib/server/db';
import { describeImport, importCurriculumFolder } from '../src/lib/server/exercises/import';
import { ExerciseContentError } from '../src/lib/server/exercises/content';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
	console.log('Usage: npm run content:import [-- --force]\n  --force  also overwrite exercises edited in the UI with their folders');
	process.exit(0);
}

const config = loadConfig();
const connection = await openDatabase({ url: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
	await migrate(connection);
	const report = await importCurriculumFolder(connection.db, config.contentDir, { force: values.force });
	console.log([`Imported ${config.contentDir}:`, ...describeImport(report).map((line) => `  ${line}`)].join('\n'));
} catch (error) {
	if (!(error instanceof ExerciseContentError)) throw error;
	console.error(`Nothing imported: ${error.message}`);
	process.exitCode = 2;
} finally {
	await connection.close();
}
