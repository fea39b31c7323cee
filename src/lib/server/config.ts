// Configuration read once from the environment and passed explicitly to the domains,
// so that standalone programs (judge worker, CLI) can build it without Vite.
import { cpus } from 'node:os';
import { isAbsolute } from 'node:path';

export interface Config {
	production: boolean;
	databaseUrl: string | undefined;
	pgliteDir: string | undefined;
	/** SMTP connection string for nodemailer; unset means mails stay in the outbox (and the dev viewer shows them). */
	smtpUrl: string | undefined;
	mailFrom: string;
	/**
	 * The portal's public URL (ORIGIN): the base of every link in a mail, never taken from a request's Host header.
	 * Required for the web server in production; in development it defaults to the dev server's address.
	 */
	origin: string;
	/** The development mail viewer at /dev/mail. */
	mailViewer: boolean;
	/** Seed demo accounts and data on an empty database (never in production). */
	seedDemo: boolean;
	judgeConcurrency: number;
	/** Run judge workers inside the web server process. */
	judgeInProcess: boolean;
	/** How long a worker's claim on a submission lasts without a heartbeat (a crashed worker's work is retaken after it). */
	judgeLeaseMs: number;
	/** The node that runs students' JavaScript in the sandbox (JUDGE_NODE); by default the one running this process. */
	judgeNode: string;
	/** Where identities come from: the portal's own passwords, or Supabase Auth. */
	authProvider: 'local' | 'supabase';
	supabase: SupabaseConfig | undefined;
	/** The exercise folders imported at start; relative to the working directory (a checkout, see README). */
	contentDir: string;
	/** How people reach the club's office (CLUB_CONTACT_EMAIL, CLUB_CONTACT_PHONE), shown to guardians and visitors. */
	clubContact: ClubContact;
	/** Days after a trial session until its bookings' personal data is erased (TRIAL_RETENTION_DAYS). */
	trialRetentionDays: number;
}

export interface ClubContact {
	email: string | undefined;
	phone: string | undefined;
}

export type SupabaseAuthMethod = 'password' | 'magiclink' | 'google';

export interface SupabaseConfig {
	url: string;
	/** The project's public anon key, used by the browser's supabase-js. */
	anonKey: string;
	/** Legacy shared JWT secret; only when set are HS256 tokens accepted. */
	jwtSecret: string | undefined;
	methods: SupabaseAuthMethod[];
}

type Environment = Record<string, string | undefined>;

const truthy = (value: string | undefined) => value !== undefined && ['1', 'true', 'on', 'yes'].includes(value.toLowerCase());

/** Where `npm run dev` serves the portal: the base of mailed links in development when ORIGIN is unset. */
export const developmentOrigin = 'http://localhost:5173';

/**
 * `webServer`: the configuration of the web server itself, which refuses to start in production without ORIGIN.
 * Other programs (judge workers, the CLI tools) send no mail and need no ORIGIN.
 */
export function loadConfig(env: Environment = process.env, options: { webServer?: boolean } = {}): Config {
	const production = env.NODE_ENV === 'production';
	const smtpUrl = env.SMTP_URL || undefined;
	const mailViewer = env.MAIL_VIEWER === undefined ? !production && !smtpUrl : truthy(env.MAIL_VIEWER);
	if (mailViewer && smtpUrl) throw new Error('MAIL_VIEWER cannot be on while SMTP_URL is set: real mail must never be shown on a web page');
	const concurrency = Number(env.JUDGE_CONCURRENCY ?? cpus().length);
	const authProvider = env.AUTH_PROVIDER === 'supabase' ? 'supabase' : 'local';
	// The sandbox binds the interpreter at the same path inside, so it must not depend on the working directory.
	if (env.JUDGE_NODE && !isAbsolute(env.JUDGE_NODE)) throw new Error(`JUDGE_NODE must be an absolute path, not "${env.JUDGE_NODE}"`);
	if (env.AUTH_PROVIDER && !['local', 'supabase'].includes(env.AUTH_PROVIDER)) {
		throw new Error(`AUTH_PROVIDER must be "local" or "supabase", not "${env.AUTH_PROVIDER}"`);
	}
	return {
		production,
		databaseUrl: env.DATABASE_URL || undefined,
		pgliteDir: env.PGLITE_DIR || undefined,
		smtpUrl,
		mailFrom: env.MAIL_FROM || '金沢IT部活 <no-reply@it-bukatsu.kanazawa.example>',
		origin: publicOrigin(env.ORIGIN, production && options.webServer === true),
		mailViewer,
		seedDemo: !production && env.SEED_DEMO !== '0',
		judgeConcurrency: Number.isInteger(concurrency) && concurrency >= 0 ? concurrency : cpus().length,
		judgeInProcess: env.JUDGE_IN_PROCESS === undefined ? true : truthy(env.JUDGE_IN_PROCESS),
		judgeLeaseMs: positiveInteger(env.JUDGE_LEASE_MS, 30_000),
		judgeNode: env.JUDGE_NODE || process.execPath,
		authProvider,
		supabase: authProvider === 'supabase' ? loadSupabaseConfig(env) : undefined,
		contentDir: env.CONTENT_DIR || 'src/content/exercises',
		clubContact: loadClubContact(env, production),
		trialRetentionDays: positiveInteger(env.TRIAL_RETENTION_DAYS, 90)
	};
}

function publicOrigin(value: string | undefined, required: boolean): string {
	if (!value) {
		if (required) {
			throw new Error(
				'ORIGIN is not set. In production the portal needs its public URL, e.g. ORIGIN=https://portal.example.jp: ' +
					'links in mails are built from it, never from the Host header of a request.'
			);
		}
		return developmentOrigin;
	}
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(`ORIGIN must be the portal's public URL, e.g. https://portal.example.jp, not "${value}"`);
	}
	if (!['http:', 'https:'].includes(url.protocol) || url.pathname.replace(/\/+$/, '') !== '' || url.search || url.hash || url.username) {
		throw new Error(`ORIGIN must be a scheme and host only, e.g. https://portal.example.jp, not "${value}"`);
	}
	return url.origin;
}

// Development shows a placeholder so the pages look as they will; production shows only what is configured.
const developmentContact: ClubContact = { email: 'it-bukatsu@kanazawa.example', phone: '076-000-0000' };

function loadClubContact(env: Environment, production: boolean): ClubContact {
	const email = env.CLUB_CONTACT_EMAIL?.trim() || undefined;
	const phone = env.CLUB_CONTACT_PHONE?.trim() || undefined;
	if (email && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) throw new Error(`CLUB_CONTACT_EMAIL is not a mail address: "${email}"`);
	if (phone && !/^\+?[0-9][0-9 ()-]{5,20}$/.test(phone)) throw new Error(`CLUB_CONTACT_PHONE is not a phone number: "${phone}"`);
	if (!email && !phone && !production) return developmentContact;
	return { email, phone };
}

function positiveInteger(value: string | undefined, fallback: number): number {
	const number = Number(value);
	return value !== undefined && Number.isInteger(number) && number > 0 ? number : fallback;
}

const supabaseMethods: readonly SupabaseAuthMethod[] = ['password', 'magiclink', 'google'];

function loadSupabaseConfig(env: Environment): SupabaseConfig {
	const url = env.SUPABASE_URL?.replace(/\/+$/, '');
	const anonKey = env.SUPABASE_ANON_KEY;
	if (!url || !anonKey) throw new Error('AUTH_PROVIDER=supabase needs SUPABASE_URL and SUPABASE_ANON_KEY');
	const methods = (env.SUPABASE_AUTH_METHODS ?? 'password,magiclink,google')
		.split(',')
		.map((method) => method.trim())
		.filter((method): method is SupabaseAuthMethod => (supabaseMethods as readonly string[]).includes(method));
	if (methods.length === 0) throw new Error(`SUPABASE_AUTH_METHODS must list some of: ${supabaseMethods.join(', ')}`);
	return { url, anonKey, jwtSecret: env.SUPABASE_JWT_SECRET || undefined, methods };
}
