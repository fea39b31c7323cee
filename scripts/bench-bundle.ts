// `npm run bench:bundle [-- --no-build]`: what the home page, the catalog and an exercise page make the browser
// download. Builds the app, starts `node build` on a throwaway embedded database with the demo accounts, signs in as
// the demo student and loads each page in Chromium with an empty cache, summing the JavaScript and CSS it transfers:
// raw bytes, and gzip/brotli as a server sends them. Prints figures; asserts nothing. Budgets (issue #4): home and
// catalog at most 100 KB of gzipped JavaScript and no Monaco; the exercise page only the Monaco parts it uses.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 4391);
const origin = `http://127.0.0.1:${port}`;
const pages = [
	{ name: 'home', path: '/' },
	{ name: 'catalog', path: '/exercises' },
	{ name: 'exercise', path: '/exercises/fizzbuzz' }
];

interface Transfer {
	url: string;
	kind: 'js' | 'css';
	raw: number;
	gzip: number;
	brotli: number;
	monaco: boolean;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function build() {
	const started = performance.now();
	const result = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
	console.log(`build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function startServer(pgliteDir: string) {
	// The server's own log stays out of the figures; it is shown only if the server does not start.
	const server = spawn(process.execPath, ['build'], {
		stdio: ['ignore', 'ignore', 'pipe'],
		env: {
			...process.env,
			NODE_ENV: 'development',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			PGLITE_DIR: pgliteDir,
			DATABASE_URL: '',
			JUDGE_IN_PROCESS: '0',
			SEED_DEMO: '1',
			SMTP_URL: ''
		}
	});
	let log = '';
	server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	for (let attempt = 0; attempt < 120; attempt++) {
		if (
			await fetch(`${origin}/api/health`).then(
				(response) => response.ok,
				() => false
			)
		)
			return server;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	server.kill();
	throw new Error(`the server did not start:\n${log}`);
}

/** Loads `path` with an empty cache and returns every JS and CSS response it caused (the editor's worker included). */
async function measure(page: Page, path: string): Promise<Transfer[]> {
	const pending: Array<Promise<Transfer | undefined>> = [];
	page.on('response', (response) => {
		const url = response.url();
		const type = response.headers()['content-type'] ?? '';
		const kind = /javascript/.test(type) || /\.m?js(\?|$)/.test(url) ? 'js' : /text\/css/.test(type) || /\.css(\?|$)/.test(url) ? 'css' : undefined;
		if (!kind || !url.startsWith(origin)) return;
		pending.push(
			response.body().then(
				(body) => ({
					url: url.slice(origin.length),
					kind,
					raw: body.length,
					gzip: gzipSync(body, { level: 9 }).length,
					brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
					// Monaco's core, its worker, and the Monarch tokenizers of the languages (each has a tokenPostfix).
					monaco:
						/monaco|editor\.worker|codicon/.test(url) || body.includes('MonacoEnvironment') || body.includes('.monaco-editor') || body.includes('tokenPostfix')
				}),
				() => undefined
			)
		);
	});
	await page.goto(`${origin}${path}`);
	if (path.startsWith('/exercises/')) await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	return (await Promise.all(pending)).filter((transfer): transfer is Transfer => transfer !== undefined);
}

if (!process.argv.includes('--no-build')) build();
const pgliteDir = await mkdtemp(join(tmpdir(), 'bench-bundle-'));
const server = await startServer(pgliteDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
	const login = await browser.newContext({ locale: 'ja-JP' });
	const loginPage = await login.newPage();
	await loginPage.goto(`${origin}/login`);
	await loginPage.getByLabel('メールアドレス').fill('student@demo.itbu.jp');
	await loginPage.getByLabel('パスワード').fill('itbu-demo-2026');
	await loginPage.getByRole('button', { name: 'ログインする' }).click();
	await loginPage.waitForURL((url) => !url.pathname.startsWith('/login'));
	const storageState = await login.storageState();
	await login.close();

	const rows: string[] = [];
	const totals = new Map<string, { js: Transfer[]; css: Transfer[] }>();
	for (const { name, path } of pages) {
		const context = await browser.newContext({ locale: 'ja-JP', storageState });
		const transfers = await measure(await context.newPage(), path);
		await context.close();
		const js = transfers.filter((transfer) => transfer.kind === 'js');
		const css = transfers.filter((transfer) => transfer.kind === 'css');
		totals.set(name, { js, css });
		const sum = (list: Transfer[], key: 'raw' | 'gzip' | 'brotli') => list.reduce((total, transfer) => total + transfer[key], 0);
		const monaco = js.filter((transfer) => transfer.monaco);
		rows.push(
			[
				name.padEnd(9),
				String(js.length).padStart(4),
				kb(sum(js, 'raw')).padStart(9),
				kb(sum(js, 'gzip')).padStart(9),
				kb(sum(js, 'brotli')).padStart(9),
				String(css.length).padStart(4),
				kb(sum(css, 'raw')).padStart(8),
				kb(sum(css, 'gzip')).padStart(8),
				(monaco.length ? `${monaco.length} files, ${kb(sum(monaco, 'gzip'))} gz` : 'none').padStart(20)
			].join(' │ ')
		);
	}
	console.log(`\nBytes transferred per page (KB; gzip -9 and brotli 11 of each response body), cold cache, demo student:\n`);
	console.log(['page     ', 'js #', '   js raw', '   js gz ', '   js br ', 'css#', ' css raw', '  css gz', '        Monaco JS'.padStart(20)].join(' │ '));
	for (const row of rows) console.log(row);
	const largest = [...(totals.get('exercise')?.js ?? [])].sort((a, b) => b.gzip - a.gzip).slice(0, 4);
	console.log(`\nexercise page, largest JS: ${largest.map((transfer) => `${transfer.url} ${kb(transfer.gzip)} gz`).join(', ')}`);
	const catalogJs = (totals.get('catalog')?.js ?? []).reduce((total, transfer) => total + transfer.gzip, 0);
	console.log(`catalog js kb: ${kb(catalogJs)}`);
} finally {
	await browser.close();
	server.kill();
	await rm(pgliteDir, { recursive: true, force: true });
}
