// Puts the curriculum folders (src/content/exercises, or CONTENT_DIR) into the database, by slug and content hash.
// An exercise whose folder is unchanged is left alone; a changed folder updates its exercise, unless an author has
// edited that exercise in the UI since: then it is kept as it is and reported, and only `force` overwrites it.
import { access } from 'node:fs/promises';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { log } from '../log';
import { exerciseCases, exercises } from '../db/schema';
import { loadCurriculum, type ExerciseContent } from './content';
import { caseRows, contentColumns } from './stored';

export interface ImportReport {
	inserted: string[];
	updated: string[];
	unchanged: string[];
	/** Edited in the UI (or created there) and different from the folder: kept, since `force` was not given. */
	keptUiEdits: string[];
	/** Edited in the UI, replaced by the folder because of `force`. */
	overwritten: string[];
}

// Several web servers may start at once on one database: one of them imports at a time.
const importLockKey = 7316400212;

export async function importCurriculum(db: Database, curriculum: readonly ExerciseContent[], options: { force?: boolean } = {}): Promise<ImportReport> {
	const report: ImportReport = { inserted: [], updated: [], unchanged: [], keptUiEdits: [], overwritten: [] };
	if (curriculum.length === 0) return report;
	await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${importLockKey})`);
		const existing = await tx
			.select({ id: exercises.id, slug: exercises.slug, contentHash: exercises.contentHash, source: exercises.source, editedInUiAt: exercises.editedInUiAt })
			.from(exercises)
			.where(
				inArray(
					exercises.slug,
					curriculum.map((content) => content.slug)
				)
			);
		const bySlug = new Map(existing.map((row) => [row.slug, row]));
		for (const content of curriculum) {
			const row = bySlug.get(content.slug);
			const columns = { ...contentColumns(content), source: 'content' as const, editedInUiAt: null, updatedAt: sql`now()` };
			if (!row) {
				const [inserted] = await tx
					.insert(exercises)
					.values({ ...columns, published: true })
					.returning({ id: exercises.id });
				if (!inserted) throw new Error(`insert of ${content.slug} returned no row`);
				await tx.insert(exerciseCases).values(caseRows(inserted.id, content.cases));
				report.inserted.push(content.slug);
				continue;
			}
			const editedInUi = row.source === 'ui' || row.editedInUiAt !== null;
			if (row.contentHash === content.contentHash && !editedInUi) {
				report.unchanged.push(content.slug);
				continue;
			}
			if (editedInUi && !options.force) {
				if (row.contentHash === content.contentHash) report.unchanged.push(content.slug);
				else report.keptUiEdits.push(content.slug);
				continue;
			}
			// Publishing stays as a coordinator left it: an update changes the content, not whether students see it.
			await tx.update(exercises).set(columns).where(eq(exercises.id, row.id));
			await tx.delete(exerciseCases).where(eq(exerciseCases.exerciseId, row.id));
			await tx.insert(exerciseCases).values(caseRows(row.id, content.cases));
			(editedInUi ? report.overwritten : report.updated).push(content.slug);
		}
	});
	return report;
}

/** Reads the folders under `root` and imports them. */
export async function importCurriculumFolder(db: Database, root: string, options: { force?: boolean } = {}): Promise<ImportReport> {
	return importCurriculum(db, await loadCurriculum(root), options);
}

/**
 * At every server start: adds the folders not yet in the database and updates the changed ones (cheap when nothing
 * changed: one query and a hash compare per folder). A missing or broken folder is logged; the server still starts.
 */
export async function importOnStart(db: Database, root: string): Promise<void> {
	const readable = await access(root).then(
		() => true,
		() => false
	);
	if (!readable) {
		log.warn('exercise content folder not found: no exercises imported (set CONTENT_DIR)', { contentDir: root });
		return;
	}
	try {
		const report = await importCurriculumFolder(db, root);
		if (report.inserted.length || report.updated.length || report.keptUiEdits.length) {
			log.info('exercise content imported', { contentDir: root, ...report, unchanged: report.unchanged.length });
		}
	} catch (error) {
		log.error('exercise content import failed', { contentDir: root, error: error instanceof Error ? error.message : String(error) });
	}
}

/** One line per kind of outcome, for logs and the command line. */
export function describeImport(report: ImportReport): string[] {
	const line = (label: string, slugs: string[]) => (slugs.length ? [`${label} (${slugs.length}): ${slugs.join(', ')}`] : []);
	return [
		...line('added', report.inserted),
		...line('updated', report.updated),
		...line('overwritten (edited in the UI; --force)', report.overwritten),
		...line('kept as edited in the UI (use --force to overwrite with the folder)', report.keptUiEdits),
		`unchanged: ${report.unchanged.length}`
	];
}
