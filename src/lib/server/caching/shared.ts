// What is the same for many people (the dashboard's figures, the visitors' home page), computed by each server at most
// once per change and per interval, and shared by every request meanwhile: concurrent requests wait for the one
// computation instead of each running it. A change is a move of the database's `shared_page_changes` counter
// (20261208100100_shared_page_changes.sql), which the tables those pages show bump on every write; the interval bounds
// what the counter cannot see (submissions, and a change still uncommitted while the content was read).
// Note: a per-process cache; another server may be up to the interval behind.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';

export interface Computed<T> {
	value: T;
	computedAt: Date;
}

interface Entry {
	at: number;
	version: string | undefined;
	promise: Promise<Computed<unknown>>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/** How many changes the database has seen to what the shared pages show. */
export async function sharedPagesVersion(db: Database): Promise<string> {
	const [row] = await selectRows<{ version: string }>(db, sql`select (last_value::text || ':' || is_called::text) as version from shared_page_changes`);
	return String(row?.version);
}

/**
 * `compute()`'s value for `key` on this database, reused while younger than `maxAgeMs` (by `now`, injectable) and
 * computed at the same `version` (when one is given).
 */
export function computeShared<T>(
	db: object,
	key: string,
	options: { maxAgeMs: number; version?: string; now?: number },
	compute: () => Promise<T>
): Promise<Computed<T>> {
	const now = options.now ?? Date.now();
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const fresh = (entry: Entry) => now - entry.at >= 0 && now - entry.at < options.maxAgeMs;
	const cached = cache.get(key);
	if (cached && fresh(cached) && cached.version === options.version) return cached.promise as Promise<Computed<T>>;
	for (const [other, entry] of cache) if (!fresh(entry)) cache.delete(other);
	const entry: Entry = { at: now, version: options.version, promise: compute().then((value) => ({ value, computedAt: new Date(now) })) };
	cache.set(key, entry);
	const owned = cache;
	entry.promise.catch(() => {
		if (owned.get(key) === entry) owned.delete(key);
	});
	return entry.promise as Promise<Computed<T>>;
}
