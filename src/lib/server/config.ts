// Configuration read once from the environment and passed explicitly to the domains,
// so that standalone programs (judge worker, CLI) can build it without Vite.
import { cpus } from 'node:os';

export interface Config {
	production: boolean;
	databaseUrl: string | undefined;
	pgliteDir: string | undefined;
	/** SMTP connection string for nodemailer; unset means mails stay in the outbox (and the dev viewer shows them). */
	smtpUrl: string | undefined;
	mailFrom: string;
	/** The development mail viewer at /dev/mail. */
	mailViewer: boolean;
	/** Seed demo accounts and data on an empty database (never in production). */
	seedDemo: boolean;
	judgeConcurrency: number;
	/** Run judge workers inside the web server process. */
	judgeInProcess: boolean;
}

type Environment = Record<string, string | undefined>;

const truthy = (value: string | undefined) => value !== undefined && ['1', 'true', 'on', 'yes'].includes(value.toLowerCase());

export function loadConfig(env: Environment = process.env): Config {
	const production = env.NODE_ENV === 'production';
	const smtpUrl = env.SMTP_URL || undefined;
	const mailViewer = env.MAIL_VIEWER === undefined ? !production && !smtpUrl : truthy(env.MAIL_VIEWER);
	if (mailViewer && smtpUrl) throw new Error('MAIL_VIEWER cannot be on while SMTP_URL is set: real mail must never be shown on a web page');
	const concurrency = Number(env.JUDGE_CONCURRENCY ?? cpus().length);
	return {
		production,
		databaseUrl: env.DATABASE_URL || undefined,
		pgliteDir: env.PGLITE_DIR || undefined,
		smtpUrl,
		mailFrom: env.MAIL_FROM || '金沢IT部活 <no-reply@it-bukatsu.kanazawa.example>',
		mailViewer,
		seedDemo: !production && env.SEED_DEMO !== '0',
		judgeConcurrency: Number.isInteger(concurrency) && concurrency >= 0 ? concurrency : cpus().length,
		judgeInProcess: env.JUDGE_IN_PROCESS === undefined ? true : truthy(env.JUDGE_IN_PROCESS)
	};
}
