// The process-wide services of one web server: its database and background loops.
// Kept on globalThis so that Vite's module reloads in development reuse the open embedded database.
import { sql } from 'drizzle-orm';
import type { Config } from './config';
import { migrate, openDatabase, type DatabaseConnection } from './db';
import * as judge from './judge';
import * as mail from './mail';
import * as sessions from './club-sessions';
import * as guardians from './guardians';
import * as trials from './trials';
import { log } from './log';
import { seedDemoData } from './demo';
import * as auth from './auth';
import * as exercises from './exercises';
import * as supabase from './auth/supabase';

export interface Runtime {
	config: Config;
	connection: DatabaseConnection;
	/** Verification of Supabase access tokens (AUTH_PROVIDER=supabase); its key set is cached per process. */
	supabaseIdentity: { verify: supabase.SupabaseTokenVerifier; fetchUser: ReturnType<typeof supabase.supabaseUserFetcher> } | undefined;
	/** Whether this process's judge workers run programs in the sandbox; undefined when it runs none. */
	judgeSandboxed: boolean | undefined;
	stop(): Promise<void>;
}

const key = Symbol.for('it-bukatsu.runtime');
type RuntimeHolder = { [key]?: Promise<Runtime> };

export function startRuntime(config: Config): Promise<Runtime> {
	const holder = globalThis as RuntimeHolder;
	holder[key] ??= createRuntime(config);
	return holder[key];
}

export async function getRuntime(): Promise<Runtime> {
	const runtime = (globalThis as RuntimeHolder)[key];
	if (!runtime) throw new Error('runtime not started');
	return runtime;
}

/**
 * Brings a database up to date before it serves: pending migrations, the exercise folders (new and changed ones),
 * and demo data on an empty development database. Each step is idempotent.
 */
async function prepareDatabase(connection: DatabaseConnection, config: Config): Promise<void> {
	const applied = await migrate(connection);
	if (applied.length) log.info('migrations applied', { versions: applied });
	// The curriculum first: the demo's review discussions are about its exercises.
	const firstStart = config.seedDemo && (await auth.countUsers(connection.db)) === 0;
	await exercises.importOnStart(connection.db, config.contentDir);
	if (firstStart) await seedDemoData(connection.db);
}

async function createRuntime(config: Config): Promise<Runtime> {
	const connection = await openDatabase({ url: config.databaseUrl, pgliteDir: config.pgliteDir });
	await prepareDatabase(connection, config);
	const { db } = connection;

	const stoppers: Array<() => Promise<void>> = [];
	if (config.smtpUrl) {
		const sender = mail.startOutboxSender(db, mail.smtpTransport(config.smtpUrl, config.mailFrom), {
			onError: (error) => log.error('mail sender failed', { error })
		});
		stoppers.push(sender.stop);
	} else if (config.production) {
		log.warn('SMTP_URL is not set: mails stay in the outbox until it is', {});
	}

	// Day-before reminders of club sessions (idempotent, so every web server may run it); mails link to ORIGIN.
	const reminders = sessions.startReminderJob(db, {
		origin: config.origin,
		onError: (error) => log.error('session reminders failed', { error })
	});
	stoppers.push(reminders.stop);
	// Trial bookings: reminders, invitations to apply, erasure after TRIAL_RETENTION_DAYS (idempotent too).
	const trialJobs = trials.startTrialJobs(db, {
		origin: config.origin,
		retentionDays: config.trialRetentionDays,
		onError: (error) => log.error('trial booking jobs failed', { error })
	});
	stoppers.push(trialJobs.stop);

	// Guardians' monthly digests, from the 1st of the month (idempotent per child and month, like the reminders).
	const digests = guardians.startDigestJob(db, {
		origin: config.origin,
		onError: (error) => log.error('guardian digests failed', { error })
	});
	stoppers.push(digests.stop);

	// Judge workers and the students' progress streams hear of queue changes made by other processes at once.
	if (connection.kind === 'postgres') {
		stoppers.push(await judge.relayDatabaseNotices(connection, (error) => log.warn('judge notices: LISTEN failed, polling only', { error: String(error) })));
	}

	let judgeSandboxed: boolean | undefined;
	if (config.judgeInProcess && config.judgeConcurrency > 0) {
		// In production this refuses to start unless a real probe run inside the sandbox succeeds.
		const workers = await judge.startWorkers(db, {
			production: config.production,
			concurrency: config.judgeConcurrency,
			leaseMs: config.judgeLeaseMs,
			sandbox: { interpreters: { javascript: config.judgeNode } }
		});
		judgeSandboxed = workers.sandboxed;
		stoppers.push(() => workers.stop());
	}

	return {
		config,
		connection,
		judgeSandboxed,
		supabaseIdentity: config.supabase && {
			verify: supabase.createSupabaseTokenVerifier({ supabaseUrl: config.supabase.url, jwtSecret: config.supabase.jwtSecret }),
			fetchUser: supabase.supabaseUserFetcher(config.supabase.url, config.supabase.anonKey)
		},
		async stop() {
			for (const stop of stoppers) await stop();
			await connection.close();
		}
	};
}

export async function stopRuntime(): Promise<void> {
	const holder = globalThis as RuntimeHolder;
	const runtime = holder[key];
	delete holder[key];
	if (runtime) await (await runtime).stop();
}

export async function isDatabaseReachable(connection: DatabaseConnection, timeoutMs = 2000): Promise<boolean> {
	const probe = connection.db.execute(sql`select 1`).then(
		() => true,
		() => false
	);
	const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
	return Promise.race([probe, timeout]);
}
