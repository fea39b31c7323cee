// An exercise as a ZIP of its folder (content.ts's format), ready to unpack into src/content/exercises/ and commit.
import type { Database } from '../db';
import { exerciseToFolder } from './content';
import { loadStoredExercise } from './stored';
import { zipFiles } from './zip';

export async function exportExercise(db: Database, slug: string): Promise<{ fileName: string; zip: Uint8Array<ArrayBuffer> } | undefined> {
	const stored = await loadStoredExercise(db, slug);
	if (!stored) return undefined;
	const files = Object.entries(exerciseToFolder(stored.content)).map(([path, text]) => [`${slug}/${path}`, text] as const);
	return { fileName: `${slug}.zip`, zip: zipFiles(Object.fromEntries(files)) };
}
