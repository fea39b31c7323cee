// Time a request spends waiting for the database, for its Server-Timing header (hooks/server-timing.ts). The drivers'
// query functions are wrapped once, in connection.ts; the queries of one request are told apart by AsyncLocalStorage,
// so queries made outside any measured request (background jobs) cost nothing but a lookup.
// Note: statements inside a transaction go through the transaction's own handle and are not counted; page loads read
// outside transactions.
import { AsyncLocalStorage } from 'node:async_hooks';

export class DatabaseTime {
	queries = 0;
	/** Wall time with at least one query in flight: queries run in parallel count once. */
	busyMs = 0;
	#inFlight = 0;
	#busySince = 0;

	/** A query starts; the returned function says it ended (calling it again does nothing). */
	start(): () => void {
		this.queries++;
		if (this.#inFlight++ === 0) this.#busySince = performance.now();
		let ended = false;
		return () => {
			if (ended) return;
			ended = true;
			if (--this.#inFlight === 0) this.busyMs += performance.now() - this.#busySince;
		};
	}
}

const requests = new AsyncLocalStorage<DatabaseTime>();

/** Runs `work` counting the queries it makes (and whatever it starts) in `time`. */
export function measureDatabaseTime<T>(time: DatabaseTime, work: () => Promise<T>): Promise<T> {
	return requests.run(time, work);
}

/** Wraps a driver's query function so the measured request's time includes it. */
export function timedQueries<Arguments extends unknown[], Query extends PromiseLike<unknown>>(
	run: (...args: Arguments) => Query
): (...args: Arguments) => Query {
	return (...args) => {
		const query = run(...args);
		const time = requests.getStore();
		if (!time) return query;
		const end = time.start();
		// PGlite answers with a native promise, which `await` follows without calling its `then`: chain onto it.
		if (Object.getPrototypeOf(query) === Promise.prototype) {
			return (query as unknown as Promise<unknown>).then(
				(value) => {
					end();
					return value;
				},
				(reason: unknown) => {
					end();
					throw reason;
				}
			) as unknown as Query;
		}
		// postgres.js starts a query when it is awaited and its `then` is what `await` calls: wrap it, keeping the object
		// (and its `.values()`, which returns the same query).
		const then = query.then;
		Object.defineProperty(query, 'then', {
			configurable: true,
			value(this: Query, onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
				return then.call(
					this,
					(value) => {
						end();
						return onFulfilled ? onFulfilled(value) : value;
					},
					(reason) => {
						end();
						if (onRejected) return onRejected(reason);
						throw reason;
					}
				);
			}
		});
		return query;
	};
}
