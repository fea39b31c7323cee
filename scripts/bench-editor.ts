// `npm run bench:editor [-- --loads N]`: how soon a student can type on the exercise page, and how fast 実行 is in the
// browser. The production build in Debian's Chromium (CHROMIUM_PATH overrides it), on a fresh PostgreSQL database
// (TEST_DATABASE_URL or DATABASE_URL), loaded N times (default 5) with a warm HTTP cache; prints medians:
//   editor typable ms   navigation start → first paint, which shows the code in an editable text box (the bench types
//                       into it, or into Monaco if that was quicker, and checks the text survives Monaco taking over)
//   monaco ready ms     navigation start → Monaco has replaced the text box (performance mark itbu:monaco-ready)
//   browser python first load ms   the first 実行 of `print(1)` with nothing cached (Pyodide fetched and started)
//   browser python cached load ms  the first 実行 on a new page load once Pyodide is in the browser's cache
//   browser python run ms          a later 実行 on the same page (Python already running)
// Asserts nothing; the figures are for the README and for noticing regressions.
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ensureFreshBuild } from './performance/build';
import { freePort } from './performance/ports';
import { openDatabase } from '../src/lib/server/db';
import { createUser } from '../src/lib/server/testing/factories';
import { createDatabase, startWebServer, waitFor, type RunningProcess } from '../tests/support/processes';

const { values } = parseArgs({ options: { loads: { type: 'string', default: '5' } } });
const loads = Number(values.loads);
const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!base) {
	console.error('bench:editor needs PostgreSQL: set TEST_DATABASE_URL (or DATABASE_URL).');
	process.exit(1);
}
process.env.TEST_DATABASE_URL = base;

const exercisePath = '/exercises/hello-world';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

ensureFreshBuild();
const database = await createDatabase('itbu_bench_editor');
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let server: RunningProcess | undefined;
let browser: Browser | undefined;
try {
	server = await startWebServer(port, { DATABASE_URL: database.url });
	const connection = await openDatabase({ url: database.url, maxConnections: 1 });
	const student = await createUser(connection.db, { roles: ['student'] });
	await connection.close();
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});

	const logIn = async (context: BrowserContext) => {
		const page = await context.newPage();
		await page.goto(`${origin}/login`);
		await page.getByLabel('メールアドレス').fill(student.email);
		await page.getByLabel('パスワード').fill(student.password);
		await page.getByRole('button', { name: 'ログインする' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		return page;
	};
	const runOnce = async (page: Page) => {
		const started = performance.now();
		await page.getByRole('button', { name: '実行 (Ctrl+Enter)' }).click();
		await page.getByRole('region', { name: '判定の結果' }).getByRole('heading', { name: '実行できました' }).waitFor({ timeout: 120_000 });
		const milliseconds = performance.now() - started;
		if (!(await page.getByText('このパソコンの中で実行しました').isVisible())) throw new Error('the run did not happen in the browser');
		return milliseconds;
	};
	const setProgram = async (page: Page, source: string) => {
		await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
		await page.locator('#source').evaluate((element, text) => {
			(element as HTMLTextAreaElement).value = text;
			element.dispatchEvent(new Event('input', { bubbles: true }));
		}, source);
	};

	// Cold: a new browser profile, nothing cached.
	const cold = await browser.newContext({ locale: 'ja-JP' });
	const coldPage = await logIn(cold);
	await coldPage.goto(`${origin}${exercisePath}`);
	await setProgram(coldPage, 'print(1)\n');
	const firstLoad = await runOnce(coldPage);
	const runs: number[] = [];
	for (let run = 0; run < 5; run++) runs.push(await runOnce(coldPage));

	// Warm: the same profile, loading the page again and again.
	const typable: number[] = [];
	const monacoReady: number[] = [];
	const cachedLoad: number[] = [];
	for (let load = 0; load < loads; load++) {
		await coldPage.goto(`${origin}/exercises`);
		await coldPage.goto(`${origin}${exercisePath}`, { waitUntil: 'commit' });
		// The code is in a server-rendered text box, editable from the first paint; Monaco takes over later.
		const box = coldPage.locator('#source');
		await coldPage.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
		typable.push(await coldPage.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]!.startTime));
		const marker = `# typed ${load}`;
		if (await box.isVisible()) {
			await box.focus();
			await coldPage.keyboard.press('ControlOrMeta+End');
		} else {
			await coldPage.locator('.monaco-editor .view-lines').click();
			await coldPage.keyboard.press('Control+End');
		}
		await coldPage.keyboard.type(marker);
		await coldPage.locator('.monaco-editor').waitFor({ timeout: 60_000 });
		await coldPage.waitForFunction(() => performance.getEntriesByName('itbu:monaco-ready').length > 0);
		monacoReady.push(await coldPage.evaluate(() => performance.getEntriesByName('itbu:monaco-ready')[0]!.startTime));
		await waitFor('the typed text to survive Monaco taking over', async () => (await box.inputValue()).includes(marker));
		await setProgram(coldPage, 'print(1)\n');
		cachedLoad.push(await runOnce(coldPage));
	}

	console.log(`bench:editor — production build, Chromium, ${exercisePath}, ${loads} loads with a warm cache (medians)\n`);
	console.log(`editor typable ms: ${Math.round(median(typable))}`);
	console.log(`monaco ready ms: ${Math.round(median(monacoReady))}`);
	console.log(`browser python first load ms: ${Math.round(firstLoad)}`);
	console.log(`browser python cached load ms: ${Math.round(median(cachedLoad))}`);
	console.log(`browser python run ms: ${Math.round(median(runs))}`);
} finally {
	await browser?.close();
	await server?.stop();
	await database.drop();
}
