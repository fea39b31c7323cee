// Figures that are the same for every coordinator, computed by each server at most once per change and per interval,
// and shared by every request meanwhile: concurrent requests wait for the one computation instead of each running it.
// A change is a move of the database's `dashboard_changes` counter (20261208100100_dashboard_changes.sql), which the
// tables the dashboard counts bump on every write; the interval bounds what the counter cannot see (submissions, and
// a change still uncommitted while the figures were read).
// Note: a per-process cache; the page says when its figures were computed.
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

/** How many changes the database has seen to what the dashboard counts. */
export async function dashboardVersion(db: Database): Promise<string> {
	const [row] = await selectRows<{ version: string }>(db, sql`select (last_value::text || ':' || is_called::text) as version from dashboard_changes`);
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
