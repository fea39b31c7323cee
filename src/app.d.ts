import type { Config } from '$lib/server/config';
import type { Database } from '$lib/server/db';
import type { ValidatedSession } from '$lib/server/auth';
import type { Locale } from '$lib/paraglide/runtime';

declare global {
	namespace App {
		interface Locals {
			db: Database;
			config: Config;
			locale: Locale;
			user: ValidatedSession['user'] | null;
			session: ValidatedSession['session'] | null;
			/** Set when a request failed because the database could not be reached (answered with 503). */
			databaseUnavailable?: boolean;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
