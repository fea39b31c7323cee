import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4999';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ locale: 'ja-JP' });
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 400)));
await page.goto(base + '/login');
await page.getByLabel('メールアドレス').fill('student@demo.itbu.jp');
await page.getByLabel('パスワード').fill('itbu-demo-2026');
await page.getByRole('button', { name: 'ログイン' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
await page.goto(base + '/exercises/hello-world');
await page.locator('.monaco-editor').waitFor();
for (let i = 0; i < 3; i++) {
  await page.goto(base + '/exercises');
  const t0 = Date.now();
  await page.goto(base + '/exercises/hello-world', { waitUntil: 'commit' });
  const box = page.locator('#source');
  await box.waitFor({ state: 'visible' });
  await box.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('#');
  console.log('typed at', await page.evaluate(() => Math.round(performance.now())), 'value', JSON.stringify((await box.inputValue()).slice(0, 60)));
  await page.locator('.monaco-editor').waitFor();
  console.log('monaco at', await page.evaluate(() => Math.round(performance.now())), 'value', JSON.stringify((await box.inputValue()).slice(0, 60)));
  await page.waitForTimeout(1500);
  console.log('later value', JSON.stringify((await box.inputValue()).slice(0, 60)));
}
await browser.close();
