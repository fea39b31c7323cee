import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4999';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ locale: 'ja-JP' });
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 400)));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/login');
await page.getByLabel('メールアドレス').fill('student@demo.itbu.jp');
await page.getByLabel('パスワード').fill('itbu-demo-2026');
await page.getByRole('button', { name: 'ログイン' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
await page.goto(base + '/exercises/sum-to-n');
const editor = page.locator('.monaco-editor').first();
await editor.waitFor();
async function setCode(code) {
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => navigator.clipboard ? null : null, code);
  await page.locator('textarea#source').evaluate((el, text) => { el.value = text; el.dispatchEvent(new Event('input', { bubbles: true })); }, code);
}
async function run(name, code, button = '実行 (Ctrl+Enter)') {
  await setCode(code);
  const t0 = Date.now();
  await page.getByRole('button', { name: button }).click();
  await page.locator('.result h2, .workspace .notice').first().waitFor({ timeout: 60000 });
  await page.waitForFunction(() => !document.querySelector('.preparing'));
  console.log(name, Date.now() - t0, 'ms |', (await page.locator('.workspace').innerText()).split('\n').slice(-8).join(' | ').slice(0, 400));
}
await run('warm-up', 'n = int(input())\nprint(n * (n + 1) // 2)\n');
// , 'n = int(input())\nprint(n * (n + 1) // 2)\n');
// , 'n = int(input())\nprint(m)\n');
// , 'print(\n');
await run('py loop', 'while True:\n    pass\n');
await run('py after loop', 'print(1)\n');
await run('py sleep', 'import time\ntime.sleep(30)\n');
await run('py after sleep', 'print(2)\n');
await page.locator('#language').selectOption('javascript');
await run('js ok', "const n = Number(require('fs').readFileSync('/dev/stdin', 'utf8'));\nconsole.log(n * (n + 1) / 2, [1,2,3]);\n");
await run('js error', "const n = 1;\nconsole.log(m);\n");
await run('js loop', "while (true) {}\n");
await run('js samples', "const n = Number(require('fs').readFileSync(0, 'utf8'));\nconsole.log(n * (n + 1) / 2);\n", '入力例で試す');
await page.screenshot({ path: '/tmp/explore/ex4.png', fullPage: true });
await browser.close();
