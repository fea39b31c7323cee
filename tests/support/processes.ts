// Real processes for the fault tests: the production web server, standalone judge workers, and a private
// PostgreSQL cluster that a test may stop and start without disturbing the suite's shared one.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { slowWork } from '../environment';

export interface RunningProcess {
	process: ChildProcess;
	output(): string;
	/** SIGKILL to the whole process group: no cleanup, no graceful shutdown. */
	crash(): Promise<void>;
	stop(): Promise<void>;
}

/** Where a process runs: by default this checkout; a production install elsewhere (see production-install.e2e.ts). */
export interface LaunchOptions {
	cwd?: string;
}

function launch(command: string, args: string[], env: Record<string, string>, options: LaunchOptions = {}): RunningProcess {
	const child = spawn(command, args, { env: { ...process.env, ...env }, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, signal);
		} catch {
			// Already gone.
		}
	};
	return {
		process: child,
		output: () => output,
		async crash() {
			signalGroup('SIGKILL');
			await exited;
		},
		async stop() {
			signalGroup('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
			signalGroup('SIGKILL');
			await exited;
		}
	};
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = slowWork): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** `node build` in production mode on `port`, waiting until it answers its health check. */
export async function startWebServer(port: number, env: Record<string, string>, options: LaunchOptions = {}): Promise<RunningProcess> {
	const server = launch(
		process.execPath,
		['build'],
		{
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			SMTP_URL: '',
			...env
		},
		options
	);
	await waitFor(`the web server on ${port}\n${server.output()}`, async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok);
	return server;
}

/** The compiled worker (`npm run build` makes build/judge-worker.js), as production runs it. */
export function startJudgeWorker(env: Record<string, string>, options: LaunchOptions = {}): RunningProcess {
	return launch(process.execPath, [join('build', 'judge-worker.js')], { NODE_ENV: 'production', ...env }, options);
}

/** A fresh database on the suite's Postgres (TEST_DATABASE_URL); returns its URL and a drop function. */
export async function createDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
	const base = process.env.TEST_DATABASE_URL!;
	const name = `${prefix}_${Math.random().toString(16).slice(2, 10)}`;
	const admin = postgres(base, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(base);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

const postgresBin = () => {
	const versions = readdirSync('/usr/lib/postgresql').sort();
	return join('/usr/lib/postgresql', versions.at(-1)!, 'bin');
};

/** PostgreSQL's tools refuse to run as root; CI runs as root, so they run as the `postgres` user there. */
function asPostgresUser(tool: string, args: string[]) {
	const command = join(postgresBin(), tool);
	if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
	else execFileSync(command, args, { stdio: 'pipe' });
}

export interface PrivateCluster {
	url: string;
	stop(): void;
	start(): void;
	destroy(): void;
}

export function createPrivateCluster(port: number): PrivateCluster {
	const directory = mkdtempSync(join(tmpdir(), 'itbu-pg-'));
	chmodSync(directory, 0o777);
	const data = join(directory, 'data');
	asPostgresUser('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`;
	const cluster = {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		start: () => asPostgresUser('pg_ctl', ['-D', data, '-o', options, '-w', '-l', join(directory, 'log'), 'start']),
		stop: () => asPostgresUser('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
		destroy: () => {
			try {
				cluster.stop();
			} catch {
				// Already stopped.
			}
			rmSync(directory, { recursive: true, force: true });
		}
	};
	cluster.start();
	return cluster;
}
